package io.carlo.engine.function.logical;

import io.carlo.engine.function.Arguments;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;

/**
 * AND, OR and XOR: they read every logical value of their arguments. Numbers (0 is FALSE) and
 * booleans count; blanks and text are skipped, except that a text given directly (not through a
 * reference) counts when it reads "TRUE" or "FALSE". An argument written empty, as in AND(TRUE,),
 * is a FALSE. Errors propagate. When nothing at all counted, Excel answers #VALUE! rather than an
 * empty AND's TRUE.
 */
final class BooleanFold {

    private int trueCount;
    private int falseCount;

    private BooleanFold() {
    }

    static BooleanValue and(Arguments args) {
        BooleanFold f = read(args);
        return BooleanValue.of(f.falseCount == 0);
    }

    static BooleanValue or(Arguments args) {
        BooleanFold f = read(args);
        return BooleanValue.of(f.trueCount > 0);
    }

    static BooleanValue xor(Arguments args) {
        BooleanFold f = read(args);
        return BooleanValue.of(f.trueCount % 2 == 1);
    }

    private static BooleanFold read(Arguments args) {
        BooleanFold f = new BooleanFold();
        for (int i = 0; i < args.size(); i++) {
            if (args.isOmitted(i)) {
                f.count(false); // AND(TRUE,) : an empty argument is a FALSE
                continue;
            }
            switch (args.value(i)) {
                case ReferenceValue ref -> {
                    for (Grid g : args.grids(i)) {
                        f.addGrid(g);
                    }
                }
                case ArrayValue a -> f.addGrid(a);
                case Scalar s -> f.addTyped(s);
            }
        }
        if (f.trueCount + f.falseCount == 0) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return f;
    }

    private void addTyped(Scalar s) {
        switch (s) {
            case TextValue t -> {
                String text = t.value().trim();
                if (text.equalsIgnoreCase("TRUE") || text.equalsIgnoreCase("FALSE")) {
                    count(Coerce.toBoolean(t));
                }
            }
            case BlankValue b -> {
            }
            default -> count(Coerce.toBoolean(s));
        }
    }

    private void addGrid(Grid g) {
        for (int r = 0; r < g.rows(); r++) {
            for (int c = 0; c < g.cols(); c++) {
                switch (g.get(r, c)) {
                    case NumberValue n -> count(n.value() != 0);
                    case BooleanValue b -> count(b.value());
                    case ExcelError e -> throw ErrorSignal.of(e);
                    case TextValue t -> {
                    }
                    case BlankValue b -> {
                    }
                }
            }
        }
    }

    private void count(boolean b) {
        if (b) {
            trueCount++;
        } else {
            falseCount++;
        }
    }
}
