package io.carlo.engine.formula;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.carlo.engine.formula.Expr.Binary;
import io.carlo.engine.formula.Expr.BinaryOp;
import io.carlo.engine.formula.Expr.Call;
import io.carlo.engine.formula.Expr.Reference;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ExcelError;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FormulaParserTest {

    /** Sheets 'Sheet1', 'My Sheet', 'Sheet3'; table Sales on Sheet1!B2:D6 (header row 2, totals row 6). */
    private static final ParseContext CTX = new ParseContext() {
        private final List<String> sheets = List.of("Sheet1", "My Sheet", "Sheet3");
        private final TableDef sales = new TableDef("Sales", 0, 1, 1, 5, 3, 1, 1, List.of("Region", "Units", "Price"));

        @Override
        public int hostSheet() {
            return 0;
        }

        @Override
        public int hostRow() {
            return 3;
        }

        @Override
        public int hostCol() {
            return 4;
        }

        @Override
        public int sheetIndex(String name) {
            for (int i = 0; i < sheets.size(); i++) {
                if (sheets.get(i).equalsIgnoreCase(name)) {
                    return i;
                }
            }
            return -1;
        }

        @Override
        public Optional<TableDef> table(String name) {
            return name.equalsIgnoreCase("Sales") ? Optional.of(sales) : Optional.empty();
        }

        @Override
        public Optional<TableDef> tableAt(int sheet, int row, int col) {
            return sales.contains(sheet, row, col) || (sheet == 0 && row == 3) ? Optional.of(sales) : Optional.empty();
        }
    };

    private static Expr parse(String f) {
        return FormulaParser.parse(f, CTX);
    }

    private static String roundTrip(String f) {
        return new FormulaPrinter(i -> List.of("Sheet1", "'My Sheet'", "Sheet3").get(i), 0).print(parse(f));
    }

    @Test
    void unaryMinusBindsTighterThanPower() {
        Binary b = assertInstanceOf(Binary.class, parse("=-2^2"));
        assertEquals(BinaryOp.POWER, b.op());
        assertEquals(new Expr.NumberLiteral(-2), b.left());
    }

    @Test
    void powerIsLeftAssociativeAndPercentIsPostfix() {
        assertEquals("2^3^2", roundTrip("=2^3^2"));
        Binary b = assertInstanceOf(Binary.class, parse("=2^3^2"));
        assertInstanceOf(Binary.class, b.left());
        assertEquals("50%*2", roundTrip("=50%*2"));
    }

    @Test
    void precedenceOfArithmeticConcatenationAndComparison() {
        Binary eq = assertInstanceOf(Binary.class, parse("=1+2*3&\"x\"=\"7x\""));
        assertEquals(BinaryOp.EQ, eq.op());
        Binary concat = assertInstanceOf(Binary.class, eq.left());
        assertEquals(BinaryOp.CONCAT, concat.op());
        assertEquals("1+2*3", roundTrip("=1+(2*3)"));
        assertEquals("(1+2)*3", roundTrip("=(1+2)*3"));
    }

    @Test
    void cellAndRangeReferencesWithAbsoluteFlags() {
        Reference r = assertInstanceOf(Reference.class, parse("=$B$3:C$10"));
        assertEquals(2, r.firstRow());
        assertEquals(1, r.firstCol());
        assertEquals(9, r.lastRow());
        assertEquals(2, r.lastCol());
        assertThat(r.firstRowAbsolute() && r.firstColAbsolute() && r.lastRowAbsolute() && !r.lastColAbsolute()).isTrue();
        assertEquals("$B$3:C$10", roundTrip("=$B$3:C$10"));
    }

    @Test
    void quotedSheetNamesAnd3dReferences() {
        Reference r = assertInstanceOf(Reference.class, parse("='My Sheet'!A1"));
        assertEquals(1, r.firstSheet());
        Reference three = assertInstanceOf(Reference.class, parse("=SUM(Sheet1:Sheet3!B2)") instanceof Call c
                ? c.args().get(0) : null);
        assertEquals(0, three.firstSheet());
        assertEquals(2, three.lastSheet());
        assertEquals(3, three.areas().size());
        assertEquals("SUM(Sheet1:Sheet3!B2)", roundTrip("=SUM(Sheet1:Sheet3!B2)"));
    }

    @Test
    void wholeColumnsAndRows() {
        Reference cols = assertInstanceOf(Reference.class, parse("=A:C"));
        assertEquals(0, cols.firstRow());
        assertEquals(Area.MAX_ROW, cols.lastRow());
        assertEquals("A:C", roundTrip("=A:C"));
        Reference rows = assertInstanceOf(Reference.class, parse("=Sheet3!2:$4"));
        assertEquals(1, rows.firstRow());
        assertEquals(3, rows.lastRow());
        assertEquals(Area.MAX_COL, rows.lastCol());
    }

    @Test
    void unknownSheetIsRefError() {
        assertEquals(new Expr.ErrorLiteral(ExcelError.REF), parse("=Nope!A1"));
        assertEquals(new Expr.ErrorLiteral(ExcelError.REF), parse("=#REF!A1"));
        assertEquals(new Expr.ErrorLiteral(ExcelError.REF), parse("=[1]Sheet1!A1"));
    }

    @Test
    void functionPrefixesAreDroppedAndMissingArgumentsKept() {
        Call c = assertInstanceOf(Call.class, parse("=_xlfn.XLOOKUP(1,A1:A3,B1:B3,)"));
        assertEquals("XLOOKUP", c.name());
        assertEquals(4, c.args().size());
        assertInstanceOf(Expr.Missing.class, c.args().get(3));
        assertEquals("NORM.S.INV", assertInstanceOf(Call.class, parse("=_xlfn.NORM.S.INV(0.5)")).name());
        assertEquals(0, assertInstanceOf(Call.class, parse("=PI()")).args().size());
    }

    @Test
    void literalsOfEveryType() {
        assertEquals(new Expr.TextLiteral("say \"hi\""), parse("=\"say \"\"hi\"\"\""));
        assertEquals(new Expr.BooleanLiteral(true), parse("=TRUE"));
        assertEquals(new Expr.ErrorLiteral(ExcelError.DIV0), parse("=#DIV/0!"));
        assertEquals(new Expr.ErrorLiteral(ExcelError.NA), parse("=#N/A"));
        assertEquals(new Expr.NumberLiteral(1500), parse("=1.5E3"));
        Expr.ArrayLiteral a = assertInstanceOf(Expr.ArrayLiteral.class, parse("={1,-2,\"a\";TRUE,#N/A,3.5}"));
        assertEquals(2, a.value().rows());
        assertEquals(3, a.value().cols());
        assertEquals("{1,-2,\"a\";TRUE,#N/A,3.5}", roundTrip("={1,-2,\"a\";TRUE,#N/A,3.5}"));
    }

    @Test
    void unionInsideParenthesesAndIntersectionBySpace() {
        Call sum = assertInstanceOf(Call.class, parse("=SUM((A1:A3,C1),B2)"));
        assertEquals(2, sum.args().size());
        assertEquals(BinaryOp.UNION, assertInstanceOf(Binary.class, sum.args().get(0)).op());
        Call isect = assertInstanceOf(Call.class, parse("=SUM(A1:C3 B2:D4)"));
        assertEquals(BinaryOp.INTERSECT, assertInstanceOf(Binary.class, isect.args().get(0)).op());
        assertEquals(BinaryOp.SUBTRACT, assertInstanceOf(Binary.class, parse("=A1 - B1")).op());
    }

    @Test
    void namesAndFunctionLikeCellNames() {
        assertEquals(new Expr.Name("Revenue_2024"), parse("=Revenue_2024"));
        assertInstanceOf(Reference.class, parse("=LOG10"));
        assertInstanceOf(Call.class, parse("=LOG10(100)"));
        assertEquals(new Expr.Name("A1B"), parse("=A1B"));
    }

    @Test
    void structuredReferences() {
        Reference units = assertInstanceOf(Reference.class, parse("=Sales[Units]"));
        assertEquals(2, units.firstRow());
        assertEquals(4, units.lastRow());
        assertEquals(2, units.firstCol());
        Reference all = assertInstanceOf(Reference.class, parse("=Sales[#All]"));
        assertEquals(1, all.firstRow());
        assertEquals(5, all.lastRow());
        Reference header = assertInstanceOf(Reference.class, parse("=Sales[[#Headers],[Region]:[Price]]"));
        assertEquals(1, header.firstRow());
        assertEquals(1, header.lastRow());
        assertEquals(1, header.firstCol());
        assertEquals(3, header.lastCol());
        Reference thisRow = assertInstanceOf(Reference.class, parse("=[@Price]"));
        assertEquals(3, thisRow.firstRow());
        assertEquals(3, thisRow.firstCol());
        Reference totals = assertInstanceOf(Reference.class, parse("=Sales[[#Totals],[Units]]"));
        assertEquals(5, totals.firstRow());
        assertEquals(new Expr.ErrorLiteral(ExcelError.REF), parse("=Sales[Nope]"));
    }

    @Test
    void letBindsNames() {
        Call let = assertInstanceOf(Call.class, parse("=LET(x, 2, y, x*3, x+y)"));
        assertEquals("LET", let.name());
        assertEquals(new Expr.Name("x"), let.args().get(0));
    }

    @Test
    void syntaxErrorsSayWhere() {
        FormulaSyntaxException e = assertThrows(FormulaSyntaxException.class, () -> parse("=SUM(1,2"));
        assertThat(e.getMessage()).contains("expected ')'").contains("=SUM(1,2");
        assertThrows(FormulaSyntaxException.class, () -> parse("=1+"));
        assertThrows(FormulaSyntaxException.class, () -> parse("=\"open"));
        assertThrows(FormulaSyntaxException.class, () -> parse("={1,2;3}"));
        assertThrows(FormulaSyntaxException.class, () -> parse("=1)"));
    }

    @Test
    void sharedFormulasShiftRelativeReferencesOnly() {
        Expr moved = Shift.by(parse("=C49*$D$49/(1+D$49)+SUM($A:$A)"), 2, 1);
        assertEquals("D51*$D$49/(1+E$49)+SUM($A:$A)",
                new FormulaPrinter(i -> "Sheet1", 0).print(moved));
        assertEquals(new Expr.ErrorLiteral(ExcelError.REF), Shift.by(parse("=A1"), -1, 0));
    }
}
