package io.carlo.engine.report;

import io.carlo.engine.stats.SummaryStatistics;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.HashMap;
import java.util.Map;

/**
 * The report's cell styles, created once per workbook and shared, since a workbook holds at most
 * 64,000 styles and a style per cell would exhaust them on a large sheet.
 */
final class ReportStyles {

    static final String INTEGER = "#,##0";
    static final String PROBABILITY = "0.00%";
    static final String CORRELATION = "0.000";

    private final Workbook workbook;
    private final Map<String, CellStyle> numberStyles = new HashMap<>();
    private final CellStyle header;
    private final CellStyle numberHeader;
    private final CellStyle title;

    ReportStyles(Workbook workbook) {
        this.workbook = workbook;
        Font bold = workbook.createFont();
        bold.setBold(true);
        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        numberHeader = workbook.createCellStyle();
        numberHeader.cloneStyleFrom(header);
        numberHeader.setAlignment(HorizontalAlignment.RIGHT);
        Font large = workbook.createFont();
        large.setBold(true);
        large.setFontHeightInPoints((short) 13);
        title = workbook.createCellStyle();
        title.setFont(large);
    }

    CellStyle header() {
        return header;
    }

    /** A header over a column of numbers, aligned with them. */
    CellStyle numberHeader() {
        return numberHeader;
    }

    CellStyle title() {
        return title;
    }

    /** The style showing numbers in an Excel number format such as {@code #,##0.00}. */
    CellStyle number(String format) {
        return numberStyles.computeIfAbsent(format, f -> {
            CellStyle style = workbook.createCellStyle();
            style.setDataFormat(workbook.createDataFormat().getFormat(f));
            return style;
        });
    }

    /** The style for values of a quantity with these statistics; see {@link #formatFor}. */
    CellStyle valuesOf(SummaryStatistics statistics) {
        return number(statistics == null ? "General" : formatFor(statistics.mean(), statistics.stdDev()));
    }

    /**
     * A number format that shows a quantity's values to about three significant digits of its
     * spread, with thousands separators: an NPV of 1.2e6 ± 3e5 reads {@code #,##0}, a margin of
     * 0.12 ± 0.02 reads {@code #,##0.0000}. Very large or very small quantities use scientific
     * notation. The stored values keep full precision whatever the format.
     */
    static String formatFor(double mean, double stdDev) {
        double size = Math.max(finiteAbs(mean), finiteAbs(stdDev));
        if (size == 0) {
            return "General";
        }
        if (size >= 1e12 || size < 1e-4) {
            return "0.000E+00";
        }
        double spread = finiteAbs(stdDev) > 0 ? finiteAbs(stdDev) : size;
        int decimals = Math.clamp(2 - (int) Math.floor(Math.log10(spread)), 0, 8);
        return decimals == 0 ? INTEGER : INTEGER + "." + "0".repeat(decimals);
    }

    private static double finiteAbs(double value) {
        return Double.isFinite(value) ? Math.abs(value) : 0;
    }
}
