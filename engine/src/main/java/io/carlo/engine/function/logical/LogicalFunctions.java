package io.carlo.engine.function.logical;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import io.carlo.engine.value.Value;

/**
 * IF and its relatives (IFS, SWITCH, IFERROR, IFNA), the boolean connectives and TRUE/FALSE.
 *
 * <p>The choosing functions take VALUE arguments, so the evaluator applies them element by element
 * to arrays (IF in an array formula works cell by cell, as in Excel). AND, OR and XOR take ranges
 * because they fold a whole range into one answer; see {@link BooleanFold}.
 */
public final class LogicalFunctions implements FunctionGroup {

    @Override
    public void register(FunctionRegistry registry) {
        registry.scalar("TRUE", 0, 0, args -> BooleanValue.TRUE);
        registry.scalar("FALSE", 0, 0, args -> BooleanValue.FALSE);
        registry.scalar("NOT", 1, 1, args -> BooleanValue.of(!args.bool(0)));
        registry.scalar("IF", 1, 3, LogicalFunctions::ifFunction);
        registry.scalar("IFS", 2, 254, LogicalFunctions::ifs);
        registry.scalar("SWITCH", 3, 254, LogicalFunctions::switchFunction);
        registry.scalar("IFERROR", 2, 2,
                args -> blankAsEmptyText(args.scalar(0) instanceof ExcelError ? result(args, 1) : result(args, 0)));
        registry.scalar("IFNA", 2, 2,
                args -> blankAsEmptyText(args.scalar(0) == ExcelError.NA ? result(args, 1) : result(args, 0)));

        registry.function("AND").args(1, 255).kinds(ArgKind.RANGE).body(BooleanFold::and);
        registry.function("OR").args(1, 255).kinds(ArgKind.RANGE).body(BooleanFold::or);
        registry.function("XOR").args(1, 254).kinds(ArgKind.RANGE).body(BooleanFold::xor);
    }

    /** IF(test, [then], [else]): a missing else is FALSE, but an else written empty ({@code IF(x,1,)}) is 0. */
    private static Value ifFunction(Arguments args) {
        if (args.bool(0)) {
            return args.has(1) ? result(args, 1) : BooleanValue.TRUE;
        }
        return args.has(2) ? result(args, 2) : BooleanValue.FALSE;
    }

    /** IFS(test1, value1, test2, value2...): the first true test wins; none true is #N/A. */
    private static Value ifs(Arguments args) {
        if (args.size() % 2 != 0) {
            // Excel refuses such a formula; answer as the evaluator does for a wrong argument count
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        for (int i = 0; i < args.size(); i += 2) {
            if (args.bool(i)) {
                return result(args, i + 1);
            }
        }
        throw ErrorSignal.of(ExcelError.NA);
    }

    /**
     * SWITCH(expr, value1, result1, ..., [default]): exact match (text ignoring case; a number
     * never equals a numeric text); no match and no default is #N/A.
     */
    private static Value switchFunction(Arguments args) {
        Scalar subject = Coerce.check(args.scalar(0));
        int pairsEnd = 1 + ((args.size() - 1) / 2) * 2;
        for (int i = 1; i < pairsEnd; i += 2) {
            Scalar candidate = Coerce.check(args.scalar(i));
            if (Coerce.compare(subject, candidate) == 0) {
                return result(args, i + 1);
            }
        }
        if (pairsEnd < args.size()) {
            return result(args, pairsEnd);
        }
        throw ErrorSignal.of(ExcelError.NA);
    }

    /**
     * IFERROR and IFNA, unlike IF, pass an empty cell on as the empty text "", as Microsoft
     * documents for both ("If value or value_if_error is an empty cell, IFERROR treats it as an
     * empty string value"), so IFERROR(A1,0) of an empty A1 shows nothing rather than 0.
     */
    private static Value blankAsEmptyText(Value v) {
        return v instanceof BlankValue ? TextValue.EMPTY : v;
    }

    /** The chosen argument as the function's result: one written empty, like {@code IF(x,,1)}, reads 0. */
    private static Value result(Arguments args, int i) {
        if (args.isOmitted(i)) {
            return NumberValue.ZERO;
        }
        return args.scalar(i);
    }
}
