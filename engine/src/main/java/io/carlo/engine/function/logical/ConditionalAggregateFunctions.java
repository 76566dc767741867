package io.carlo.engine.function.logical;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionGroup;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.Value;

/**
 * The conditional aggregates (SUMIF, COUNTIFS, MAXIFS...), SUMPRODUCT, and the database
 * functions (registered by {@link DatabaseFunctions}).
 *
 * <p>Criteria ranges are RANGE arguments; the criteria themselves are VALUE arguments, so an
 * array of criteria (COUNTIF(A:A,{"a","b"})) gives an array of answers, as in Excel.
 */
public final class ConditionalAggregateFunctions implements FunctionGroup {

    /** Excel's limit of 127 range/criteria pairs. */
    private static final int MAX_PAIRS = 127;

    @Override
    public void register(FunctionRegistry registry) {
        registry.function("COUNTIF").args(2, 2).kinds(ArgKind.RANGE, ArgKind.VALUE)
                .body(args -> count(args, 0));
        registry.function("COUNTIFS").args(2, 2 * MAX_PAIRS).kinds(pairKinds(0))
                .body(args -> count(args, 0));
        registry.function("SUMIF").args(2, 3).kinds(ArgKind.RANGE, ArgKind.VALUE, ArgKind.RANGE)
                .body(args -> aggregateIf(args, new Aggregate.Sum()));
        registry.function("SUMIFS").args(3, 1 + 2 * MAX_PAIRS).kinds(pairKinds(1))
                .body(args -> aggregateIfs(args, new Aggregate.Sum()));
        registry.function("AVERAGEIF").args(2, 3).kinds(ArgKind.RANGE, ArgKind.VALUE, ArgKind.RANGE)
                .body(args -> aggregateIf(args, new Aggregate.Average()));
        registry.function("AVERAGEIFS").args(3, 1 + 2 * MAX_PAIRS).kinds(pairKinds(1))
                .body(args -> aggregateIfs(args, new Aggregate.Average()));
        registry.function("MAXIFS").args(3, 1 + 2 * MAX_PAIRS).kinds(pairKinds(1))
                .body(args -> aggregateIfs(args, new Aggregate.Max()));
        registry.function("MINIFS").args(3, 1 + 2 * MAX_PAIRS).kinds(pairKinds(1))
                .body(args -> aggregateIfs(args, new Aggregate.Min()));
        registry.function("SUMPRODUCT").args(1, 255).kinds(ArgKind.ARRAY).body(SumProduct::apply);
        DatabaseFunctions.register(registry);
    }

    /**
     * Argument kinds for {@code leading} value ranges followed by range/criterion pairs; spelled
     * out in full because only the last kind of a list repeats.
     */
    private static ArgKind[] pairKinds(int leading) {
        ArgKind[] kinds = new ArgKind[leading + 2 * MAX_PAIRS];
        for (int i = 0; i < kinds.length; i++) {
            kinds[i] = i < leading || (i - leading) % 2 == 0 ? ArgKind.RANGE : ArgKind.VALUE;
        }
        return kinds;
    }

    /** COUNTIF(range, criterion) and COUNTIFS(range1, criterion1, ...). */
    private static Value count(Arguments args, int from) {
        ConditionalScan scan = pairs(args, from);
        return NumberValue.of(scan.scan(null, null));
    }

    /** SUMIF/AVERAGEIF(range, criterion, [value_range]): the value range takes the criteria range's shape. */
    private static Value aggregateIf(Arguments args, Aggregate aggregate) {
        RangeView criteriaRange = RangeView.of(args.value(0), args.context());
        ConditionalScan scan = new ConditionalScan();
        scan.add(criteriaRange, Criteria.parse(args.scalar(1)));
        RangeView values = args.has(2) && !args.isOmitted(2)
                ? RangeView.resized(args.value(2), criteriaRange.rows(), criteriaRange.cols(), args.context())
                : criteriaRange;
        scan.scan(values, aggregate::add);
        return aggregate.result();
    }

    /** SUMIFS/AVERAGEIFS/MAXIFS/MINIFS(value_range, range1, criterion1, ...). */
    private static Value aggregateIfs(Arguments args, Aggregate aggregate) {
        RangeView values = RangeView.of(args.value(0), args.context());
        ConditionalScan scan = pairs(args, 1);
        scan.scan(values, aggregate::add);
        return aggregate.result();
    }

    private static ConditionalScan pairs(Arguments args, int from) {
        if ((args.size() - from) % 2 != 0) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        ConditionalScan scan = new ConditionalScan();
        for (int i = from; i < args.size(); i += 2) {
            RangeView range = RangeView.of(args.value(i), args.context());
            Scalar criterion = args.scalar(i + 1);
            scan.add(range, Criteria.parse(criterion));
        }
        return scan;
    }
}
