package io.carlo.engine.eval;

import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The evaluation of one cell's formula: which cell it is, whether it is an array formula, the LET
 * variables in scope, and access to the rest of the workbook through its {@link WorkbookEvaluator}.
 */
public final class CellContext implements FunctionContext {

    private final CellSource workbook;
    private final int sheet;
    private final int row;
    private final int col;
    private final boolean arrayMode;
    private final Map<String, Value> locals;
    private final int nameDepth;

    CellContext(CellSource workbook, int sheet, int row, int col, boolean arrayMode) {
        this(workbook, sheet, row, col, arrayMode, Map.of(), 0);
    }

    /** The context for evaluating the formula of one cell against a source of cell values. */
    public static CellContext of(CellSource source, int sheet, int row, int col, boolean arrayMode) {
        return new CellContext(source, sheet, row, col, arrayMode);
    }

    private CellContext(CellSource workbook, int sheet, int row, int col, boolean arrayMode,
                        Map<String, Value> locals, int nameDepth) {
        this.workbook = workbook;
        this.sheet = sheet;
        this.row = row;
        this.col = col;
        this.arrayMode = arrayMode;
        this.locals = locals;
        this.nameDepth = nameDepth;
    }

    public CellContext withArrayMode(boolean array) {
        return array == arrayMode ? this : new CellContext(workbook, sheet, row, col, array, locals, nameDepth);
    }

    CellContext withLocal(String name, Value value) {
        Map<String, Value> m = new HashMap<>(locals);
        m.put(name, value);
        return new CellContext(workbook, sheet, row, col, arrayMode, m, nameDepth);
    }

    /** Where this evaluation reads cell values from. */
    public CellSource source() {
        return workbook;
    }

    /** A LET variable, else a defined name; #NAME? when neither exists. */
    Value name(String name, Interpreter interpreter) {
        Value local = locals.get(name.toUpperCase(Locale.ROOT));
        if (local != null) {
            return local;
        }
        if (nameDepth > 32) {
            return ExcelError.NAME; // a name defined through itself
        }
        return workbook.formulas().name(name, sheet)
                .map(e -> interpreter.evaluate(e,
                        new CellContext(workbook, sheet, row, col, arrayMode, Map.of(), nameDepth + 1)))
                .orElse(ExcelError.NAME);
    }

    @Override
    public int hostSheet() {
        return sheet;
    }

    @Override
    public int hostRow() {
        return row;
    }

    @Override
    public int hostCol() {
        return col;
    }

    @Override
    public boolean arrayMode() {
        return arrayMode;
    }

    @Override
    public Grid read(Area area) {
        return workbook.read(area);
    }

    @Override
    public Scalar cell(int sheet, int row, int col) {
        return workbook.value(sheet, row, col);
    }

    @Override
    public int sheetCount() {
        return workbook.workbook().sheets().size();
    }

    @Override
    public String sheetName(int sheet) {
        return workbook.workbook().sheet(sheet).name();
    }

    @Override
    public int sheetIndex(String name) {
        return workbook.workbook().sheetIndex(name);
    }

    @Override
    public int lastRow(int sheet) {
        return workbook.workbook().sheet(sheet).lastRow();
    }

    @Override
    public int lastCol(int sheet) {
        return workbook.workbook().sheet(sheet).lastCol();
    }

    @Override
    public Optional<ReferenceValue> parseReference(String text, boolean a1Style) {
        return ReferenceText.parse(text, a1Style, this, workbook);
    }

    @Override
    public Optional<String> formulaText(int sheet, int row, int col) {
        return workbook.formulaText(sheet, row, col);
    }

    @Override
    public double random() {
        return workbook.random();
    }

    @Override
    public double now() {
        return workbook.now();
    }
}
