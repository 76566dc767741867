package io.carlo.engine.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFCell;
import org.apache.poi.xssf.usermodel.XSSFFormulaEvaluator;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The two synthetic benchmark models of the Engine II issue, written as real .xlsx files with Apache
 * POI. Every formula's value is computed by POI's own evaluator and cached in the file, so that
 * {@code carlo verify} on a generated file compares Carlo with POI, and the files behave like
 * workbooks saved by Excel. The product data come from a fixed seed: the same file every time.
 *
 * <p><b>NPV model</b> ({@link #writeNpvModel}, sheet {@code NPV}, 74 formulas): a 10-year project.
 * Revenue (year-1 units x price) grows each year; costs = units sold x unit cost + fixed cost; EBIT, tax
 * (none on a loss), cash flow, discount factor, present value; NPV (twice: by discount factors and
 * with NPV()) and IRR of the cash flows after the initial investment. Suggested simulation:
 * <pre>
 *   NPV!B3  revenue growth  Triangular(0.02, 0.08, 0.15)
 *   NPV!B4  price           Normal(50, 3)
 *   NPV!B5  unit cost       Triangular(24, 28, 34)
 *   NPV!B6  fixed cost      Uniform(120000, 180000)
 *   NPV!B7  discount rate   Uniform(0.07, 0.12)
 *   outputs NPV!B24 (NPV), NPV!B26 (IRR)
 * </pre>
 *
 * <p><b>Portfolio model</b> ({@link #writePortfolioModel}, about 5,200 formulas on 3 sheets): 50
 * product lines over 20 years. {@code Assumptions} holds the five inputs, a product table (code,
 * base price, base unit cost, base volume, growth premium) read with exact-match VLOOKUP, and a
 * volume-discount table read with approximate-match VLOOKUP; {@code Products} has five blocks of 50
 * rows x 20 years (volume, price, unit cost, revenue, profit); {@code Summary} totals each year with
 * SUM, taxes profit with IF, discounts it, and tracks the best and worst product with MAX/MIN.
 * The volume discount puts a lookup inside the stochastic cone: the discount tier of each product
 * and year depends on the volume shock and the market growth. Suggested simulation:
 * <pre>
 *   Assumptions!B3  market growth   Normal(0.04, 0.015)
 *   Assumptions!B4  price level     Triangular(0.9, 1.0, 1.15)
 *   Assumptions!B5  cost inflation  Uniform(0.01, 0.05)
 *   Assumptions!B6  volume shock    LogNormal(1, 0.15)
 *   Assumptions!B7  discount rate   Uniform(0.07, 0.11)
 *   outputs Summary!B14 (total NPV), Summary!B15 (year-20 revenue), Summary!B16 (cumulative profit)
 * </pre>
 */
public final class GeneratedModels {

    static final int NPV_YEARS = 10;
    static final int PRODUCTS = 50;
    static final int PORTFOLIO_YEARS = 20;

    /** The product table's seed: change it and every cached value in the portfolio model changes. */
    private static final long PRODUCT_DATA_SEED = 20_260_101L;

    private GeneratedModels() {
    }

    /** The NPV model written to {@code file}, with its suggested inputs and outputs. */
    public static BenchmarkModel npvModel(Path file) {
        writeNpvModel(file);
        return new BenchmarkModel("generated NPV, 10 years", file, List.of(
                new BenchmarkInput("NPV!B3", "Triangular(0.02, 0.08, 0.15)"),
                new BenchmarkInput("NPV!B4", "Normal(50, 3)"),
                new BenchmarkInput("NPV!B5", "Triangular(24, 28, 34)"),
                new BenchmarkInput("NPV!B6", "Uniform(120000, 180000)"),
                new BenchmarkInput("NPV!B7", "Uniform(0.07, 0.12)")),
                List.of("NPV!B24", "NPV!B26"));
    }

    /** The portfolio model written to {@code file}, with its suggested inputs and outputs. */
    public static BenchmarkModel portfolioModel(Path file) {
        writePortfolioModel(file);
        return new BenchmarkModel("generated portfolio, 50 x 20", file, List.of(
                new BenchmarkInput("Assumptions!B3", "Normal(0.04, 0.015)"),
                new BenchmarkInput("Assumptions!B4", "Triangular(0.9, 1.0, 1.15)"),
                new BenchmarkInput("Assumptions!B5", "Uniform(0.01, 0.05)"),
                new BenchmarkInput("Assumptions!B6", "LogNormal(1, 0.15)"),
                new BenchmarkInput("Assumptions!B7", "Uniform(0.07, 0.11)")),
                List.of("Summary!B14", "Summary!B15", "Summary!B16"));
    }

    /** Writes the 10-year NPV model (see the class comment for its layout). */
    public static void writeNpvModel(Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            Sheet s = new Sheet(wb.createSheet("NPV"));
            s.text("A1", "10-year project NPV");
            s.input("A3", "Revenue growth", 0.08);
            s.input("A4", "Price", 50);
            s.input("A5", "Unit cost", 28);
            s.input("A6", "Fixed cost", 150_000);
            s.input("A7", "Discount rate", 0.10);
            s.input("A8", "Units in year 1", 20_000);
            s.input("A9", "Tax rate", 0.25);
            s.input("A10", "Initial investment", 1_000_000);

            String[] labels = {"Year", "Revenue", "Costs", "EBIT", "Tax", "Cash flow", "Discount factor",
                "Present value"};
            for (int i = 0; i < labels.length; i++) {
                s.text("A" + (12 + i), labels[i]);
            }
            // column B is year 0: the investment; C..L are years 1..10
            s.number("B12", 0);
            s.formula("B17", "-B10");
            for (int y = 1; y <= NPV_YEARS; y++) {
                String c = column(1 + y);
                String prev = column(y);
                s.number(c + "12", y);
                // revenue grows; costs follow the units sold (revenue / price) plus the fixed cost
                s.formula(c + "13", y == 1 ? "$B$8*$B$4" : prev + "13*(1+$B$3)");
                s.formula(c + "14", c + "13/$B$4*$B$5+$B$6");
                s.formula(c + "15", c + "13-" + c + "14");
                s.formula(c + "16", "IF(" + c + "15>0," + c + "15*$B$9,0)");
                s.formula(c + "17", c + "15-" + c + "16");
                s.formula(c + "18", "1/(1+$B$7)^" + c + "12");
                s.formula(c + "19", c + "17*" + c + "18");
            }
            s.text("A24", "NPV");
            s.formula("B24", "SUM(C19:L19)+B17");
            s.text("A25", "NPV (Excel's NPV)");
            s.formula("B25", "NPV(B7,C17:L17)+B17");
            s.text("A26", "IRR");
            s.formula("B26", "IRR(B17:L17)");
            cacheAndWrite(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the 50-product, 20-year portfolio model (see the class comment for its layout). */
    public static void writePortfolioModel(Path file) {
        try (XSSFWorkbook wb = new XSSFWorkbook()) {
            writeAssumptions(new Sheet(wb.createSheet("Assumptions")));
            writeProducts(new Sheet(wb.createSheet("Products")));
            writeSummary(new Sheet(wb.createSheet("Summary")));
            cacheAndWrite(wb, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final String PRODUCT_TABLE = "Assumptions!$A$12:$E$61";
    private static final String DISCOUNT_TABLE = "Assumptions!$G$12:$H$16";

    private static void writeAssumptions(Sheet s) {
        s.text("A1", "Portfolio assumptions");
        s.input("A3", "Market growth", 0.04);
        s.input("A4", "Price level", 1.0);
        s.input("A5", "Cost inflation", 0.03);
        s.input("A6", "Volume shock", 1.0);
        s.input("A7", "Discount rate", 0.09);
        s.input("A8", "Tax rate", 0.25);
        s.input("A9", "Fixed cost per product line", 40_000);

        String[] header = {"Code", "Base price", "Base unit cost", "Base volume", "Growth premium"};
        for (int i = 0; i < header.length; i++) {
            s.text(column(i) + "11", header[i]);
        }
        SplittableRandom random = new SplittableRandom(PRODUCT_DATA_SEED);
        for (int p = 0; p < PRODUCTS; p++) {
            int row = 12 + p;
            double price = round2(random.nextDouble(20, 200));
            s.text("A" + row, productCode(p));
            s.number("B" + row, price);
            s.number("C" + row, round2(price * random.nextDouble(0.40, 0.75)));
            s.number("D" + row, Math.round(random.nextDouble(1_000, 30_000)));
            s.number("E" + row, round2(random.nextDouble(-0.02, 0.05)));
        }
        // volume discount: a product selling at least "From volume" units gets "Discount" off its price
        s.text("G11", "From volume");
        s.text("H11", "Discount");
        double[][] tiers = {{0, 0}, {5_000, 0.02}, {10_000, 0.04}, {20_000, 0.06}, {40_000, 0.08}};
        for (int i = 0; i < tiers.length; i++) {
            s.number("G" + (12 + i), tiers[i][0]);
            s.number("H" + (12 + i), tiers[i][1]);
        }
    }

    /** Block order on the Products sheet; each block is 50 rows (one per product) x 20 years. */
    private enum Block { VOLUME, PRICE, UNIT_COST, REVENUE, PROFIT }

    private static int row(Block block, int product) {
        return 3 + block.ordinal() * PRODUCTS + product;
    }

    private static void writeProducts(Sheet s) {
        s.text("A1", "Product lines");
        s.text("A2", "Product");
        s.text("B2", "Metric");
        for (int y = 1; y <= PORTFOLIO_YEARS; y++) {
            s.number(column(1 + y) + "2", y);
        }
        for (Block block : Block.values()) {
            for (int p = 0; p < PRODUCTS; p++) {
                int r = row(block, p);
                s.text("A" + r, productCode(p));
                s.text("B" + r, block.name().toLowerCase().replace('_', ' '));
                for (int y = 1; y <= PORTFOLIO_YEARS; y++) {
                    String c = column(1 + y);
                    s.formula(c + r, productFormula(block, p, y, c, column(y)));
                }
            }
        }
    }

    private static String productFormula(Block block, int p, int year, String c, String prev) {
        String code = "$A" + row(block, p);
        String volume = c + row(Block.VOLUME, p);
        return switch (block) {
            case VOLUME -> year == 1
                    ? "VLOOKUP(" + code + "," + PRODUCT_TABLE + ",4,FALSE)*Assumptions!$B$6"
                    : "MAX(0," + prev + row(Block.VOLUME, p) + "*(1+Assumptions!$B$3+VLOOKUP(" + code + ","
                            + PRODUCT_TABLE + ",5,FALSE)))";
            // list price follows half of cost inflation; the volume discount tier is looked up each year
            case PRICE -> "VLOOKUP(" + code + "," + PRODUCT_TABLE + ",2,FALSE)*Assumptions!$B$4*(1+Assumptions!$B$5/2)^("
                    + c + "$2-1)*(1-VLOOKUP(" + volume + "," + DISCOUNT_TABLE + ",2,TRUE))";
            case UNIT_COST -> "VLOOKUP(" + code + "," + PRODUCT_TABLE + ",3,FALSE)*(1+Assumptions!$B$5)^(" + c + "$2-1)";
            case REVENUE -> volume + "*" + c + row(Block.PRICE, p);
            case PROFIT -> c + row(Block.REVENUE, p) + "-" + volume + "*" + c + row(Block.UNIT_COST, p)
                    + "-Assumptions!$B$9";
        };
    }

    private static void writeSummary(Sheet s) {
        s.text("A1", "Portfolio summary");
        s.text("A2", "Year");
        String[] labels = {"Revenue", "Profit", "Tax", "Cash flow", "Discount factor", "Present value",
            "Cumulative profit", "Best product profit", "Worst product profit"};
        for (int i = 0; i < labels.length; i++) {
            s.text("A" + (3 + i), labels[i]);
        }
        for (int y = 1; y <= PORTFOLIO_YEARS; y++) {
            String c = column(1 + y);
            String profits = "Products!" + c + row(Block.PROFIT, 0) + ":" + c + row(Block.PROFIT, PRODUCTS - 1);
            s.number(c + "2", y);
            s.formula(c + "3", "SUM(Products!" + c + row(Block.REVENUE, 0) + ":" + c + row(Block.REVENUE, PRODUCTS - 1) + ")");
            s.formula(c + "4", "SUM(" + profits + ")");
            s.formula(c + "5", "IF(" + c + "4>0," + c + "4*Assumptions!$B$8,0)");
            s.formula(c + "6", c + "4-" + c + "5");
            s.formula(c + "7", "1/(1+Assumptions!$B$7)^" + c + "$2");
            s.formula(c + "8", c + "6*" + c + "7");
            s.formula(c + "9", y == 1 ? c + "6" : column(y) + "9+" + c + "6");
            s.formula(c + "10", "MAX(" + profits + ")");
            s.formula(c + "11", "MIN(" + profits + ")");
        }
        s.text("A14", "Total NPV");
        s.formula("B14", "SUM(C8:V8)");
        s.text("A15", "Year-20 revenue");
        s.formula("B15", "V3");
        s.text("A16", "Cumulative profit");
        s.formula("B16", "V9");
    }

    private static void cacheAndWrite(XSSFWorkbook wb, Path file) throws IOException {
        XSSFFormulaEvaluator.evaluateAllFormulaCells(wb);
        Path dir = file.toAbsolutePath().getParent();
        if (dir != null) {
            Files.createDirectories(dir);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            wb.write(out);
        }
    }

    static String productCode(int product) {
        return String.format("P%02d", product + 1);
    }

    /** The column letters of a 0-based column index. */
    static String column(int index) {
        return CellReference.convertNumToColString(index);
    }

    private static double round2(double x) {
        return Math.round(x * 100) / 100.0;
    }

    /** Writes cells by A1 reference, creating rows and cells as needed. */
    private record Sheet(XSSFSheet sheet) {

        XSSFCell cell(String a1) {
            CellReference ref = new CellReference(a1);
            XSSFRow row = sheet.getRow(ref.getRow());
            if (row == null) {
                row = sheet.createRow(ref.getRow());
            }
            return row.createCell(ref.getCol());
        }

        void text(String a1, String text) {
            cell(a1).setCellValue(text);
        }

        void number(String a1, double value) {
            cell(a1).setCellValue(value);
        }

        void formula(String a1, String formula) {
            cell(a1).setCellFormula(formula);
        }

        /** A label in column A and its value in column B of the same row. */
        void input(String labelCell, String label, double value) {
            text(labelCell, label);
            number("B" + labelCell.substring(1), value);
        }
    }
}
