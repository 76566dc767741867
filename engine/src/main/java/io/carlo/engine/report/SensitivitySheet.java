package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult.OutputResult;
import io.carlo.engine.stats.Sensitivity;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;

import java.util.ArrayList;
import java.util.List;

import static io.carlo.engine.report.SheetWriter.number;
import static io.carlo.engine.report.SheetWriter.row;
import static io.carlo.engine.report.SheetWriter.text;

/**
 * The "Sensitivity" sheet: one row per (output, input) pair, each output's inputs strongest first
 * as the result orders them, so that the rows of one output form a block that a tornado chart can
 * plot and a filter on the first column can isolate.
 */
final class SensitivitySheet {

    static final String NAME = "Sensitivity";

    static final int INPUT_COLUMN = 1;
    static final int RANK_CORRELATION_COLUMN = 2;

    /** Where one output's rows lie (0-based, inclusive); empty when the output has no sensitivity. */
    record Block(int firstRow, int lastRow) {
        boolean isEmpty() {
            return lastRow < firstRow;
        }
    }

    private SensitivitySheet() {
    }

    /** @return one block per output, in the outputs' order */
    static List<Block> write(Workbook workbook, ReportStyles styles, List<OutputResult> outputs) {
        Sheet sheet = workbook.createSheet(NAME);
        List<String> titles = new ArrayList<>(List.of("Output", "Input", "Rank correlation",
                "Regression coefficient", "Contribution to variance", "Tornado low", "Tornado high"));
        for (int b = 1; b <= Sensitivity.BINS; b++) {
            titles.add("Spider bin " + b);
        }
        SheetWriter.header(sheet, 0, titles, 2, styles);

        CellStyle coefficient = styles.number(ReportStyles.CORRELATION);
        CellStyle share = styles.number(ReportStyles.PROBABILITY);
        List<Block> blocks = new ArrayList<>();
        int r = 1;
        int inputWidth = "Input".length();
        int outputWidth = "Output".length();
        for (OutputResult output : outputs) {
            int first = r;
            String outputLabel = SheetWriter.label(output.name(), output.cell());
            outputWidth = Math.max(outputWidth, outputLabel.length());
            CellStyle value = styles.valuesOf(output.statistics());
            for (Sensitivity s : output.sensitivity() == null ? List.<Sensitivity>of() : output.sensitivity()) {
                Row row = row(sheet, r++);
                text(row, 0, outputLabel, null);
                text(row, INPUT_COLUMN, s.input(), null);
                inputWidth = Math.max(inputWidth, s.input().length());
                number(row, RANK_CORRELATION_COLUMN, s.rankCorrelation(), coefficient);
                number(row, 3, s.regressionCoefficient(), coefficient);
                number(row, 4, s.contributionToVariance(), share);
                number(row, 5, s.tornadoLow(), value);
                number(row, 6, s.tornadoHigh(), value);
                for (int b = 0; b < s.binMeans().size(); b++) {
                    number(row, 7 + b, s.binMeans().get(b), value);
                }
            }
            blocks.add(new Block(first, r - 1));
        }
        sheet.createFreezePane(2, 1);
        SheetWriter.width(sheet, 0, outputWidth);
        SheetWriter.width(sheet, INPUT_COLUMN, inputWidth);
        for (int c = 2; c < titles.size(); c++) {
            SheetWriter.width(sheet, c, Math.max(12, Math.min(titles.get(c).length(), 14)));
        }
        return blocks;
    }
}
