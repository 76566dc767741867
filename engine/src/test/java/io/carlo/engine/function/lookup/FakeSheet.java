package io.carlo.engine.function.lookup;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionContext;
import io.carlo.engine.function.FunctionDef;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.value.Area;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** A one-sheet context for calling lookup functions directly, without parser or evaluator. */
final class FakeSheet implements FunctionContext {

    private final Map<Long, Scalar> cells = new HashMap<>();
    private final Map<Long, String> formulas = new HashMap<>();
    int hostRow;
    int hostCol;
    boolean arrayMode;

    private static long key(int row, int col) {
        return ((long) row << 20) | col;
    }

    FakeSheet set(int row, int col, Scalar value) {
        cells.put(key(row, col), value);
        return this;
    }

    FakeSheet formula(int row, int col, String text) {
        formulas.put(key(row, col), text);
        return this;
    }

    static ReferenceValue ref(int r0, int c0, int r1, int c1) {
        return ReferenceValue.of(new Area(0, r0, c0, r1, c1));
    }

    /** Calls a library function with already evaluated arguments. */
    Value call(String name, Value... values) {
        FunctionDef def = FunctionLibrary.standard().find(name).orElseThrow();
        Arguments args = new Arguments(values, new boolean[values.length], this);
        try {
            return def.body().apply(args);
        } catch (ErrorSignal e) {
            return e.error();
        }
    }

    @Override
    public int hostSheet() {
        return 0;
    }

    @Override
    public int hostRow() {
        return hostRow;
    }

    @Override
    public int hostCol() {
        return hostCol;
    }

    @Override
    public boolean arrayMode() {
        return arrayMode;
    }

    @Override
    public Grid read(Area area) {
        Scalar[] out = new Scalar[area.rows() * area.cols()];
        for (int r = 0; r < area.rows(); r++) {
            for (int c = 0; c < area.cols(); c++) {
                out[r * area.cols() + c] = cells.getOrDefault(key(area.firstRow() + r, area.firstCol() + c),
                        BlankValue.BLANK);
            }
        }
        return ArrayValue.of(area.rows(), area.cols(), out);
    }

    @Override
    public int sheetCount() {
        return 1;
    }

    @Override
    public String sheetName(int sheet) {
        return "Sheet1";
    }

    @Override
    public int sheetIndex(String name) {
        return name.equalsIgnoreCase("Sheet1") ? 0 : -1;
    }

    @Override
    public int lastRow(int sheet) {
        return 100;
    }

    @Override
    public int lastCol(int sheet) {
        return 10;
    }

    @Override
    public Optional<ReferenceValue> parseReference(String text, boolean a1Style) {
        return text.equals("B2") ? Optional.of(ref(1, 1, 1, 1)) : Optional.empty();
    }

    @Override
    public Optional<String> formulaText(int sheet, int row, int col) {
        return Optional.ofNullable(formulas.get(key(row, col)));
    }

    @Override
    public double random() {
        return 0.5;
    }

    @Override
    public double now() {
        return 45000;
    }
}
