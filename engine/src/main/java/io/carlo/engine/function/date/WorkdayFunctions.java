package io.carlo.engine.function.date;

import io.carlo.engine.function.ArgKind;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.ArrayValue;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.Grid;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.ReferenceValue;
import io.carlo.engine.value.Scalar;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** NETWORKDAYS and WORKDAY, with their .INTL variants that choose the weekend. */
final class WorkdayFunctions {

    private WorkdayFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.function("NETWORKDAYS").args(2, 3).kinds(ArgKind.VALUE, ArgKind.VALUE, ArgKind.RANGE)
                .body(a -> networkDays(a, Weekend.SATURDAY_SUNDAY, 2));
        registry.function("NETWORKDAYS.INTL").args(2, 4)
                .kinds(ArgKind.VALUE, ArgKind.VALUE, ArgKind.VALUE, ArgKind.RANGE)
                .body(a -> networkDays(a, weekend(a, 2), 3));
        registry.function("WORKDAY").args(2, 3).kinds(ArgKind.VALUE, ArgKind.VALUE, ArgKind.RANGE)
                .body(a -> workday(a, Weekend.SATURDAY_SUNDAY, 2));
        registry.function("WORKDAY.INTL").args(2, 4)
                .kinds(ArgKind.VALUE, ArgKind.VALUE, ArgKind.VALUE, ArgKind.RANGE)
                .body(a -> workday(a, weekend(a, 2), 3));
    }

    private static Weekend weekend(Arguments a, int i) {
        return a.has(i) ? Weekend.of(a.scalar(i)) : Weekend.SATURDAY_SUNDAY;
    }

    /**
     * Working days from start to end, both included; negative when end comes first. Holidays
     * count once each and only when they fall on a working day inside the period.
     */
    private static Scalar networkDays(Arguments a, Weekend weekend, int holidaysIndex) {
        int start = DateFunctions.serialDay(a, 0);
        int end = DateFunctions.serialDay(a, 1);
        Set<Integer> holidays = holidays(a, holidaysIndex);
        int from = Math.min(start, end);
        int to = Math.max(start, end);
        long days = (long) to - from + 1;
        long count = days / 7 * weekend.workdaysPerWeek();
        for (long d = from + days / 7 * 7; d <= to; d++) {
            if (weekend.isWorkday(d)) {
                count++;
            }
        }
        for (int h : holidays) {
            if (h >= from && h <= to && weekend.isWorkday(h)) {
                count--;
            }
        }
        return NumberValue.of(start <= end ? count : -count);
    }

    /**
     * The date a number of working days before or after start; start itself never counts, and
     * zero days gives start back even on a weekend.
     */
    private static Scalar workday(Arguments a, Weekend weekend, int holidaysIndex) {
        int start = DateFunctions.serialDay(a, 0);
        long days = DateFunctions.truncated(a, 1);
        Set<Integer> holidays = holidays(a, holidaysIndex);
        int perWeek = weekend.workdaysPerWeek();
        if (perWeek == 0) {
            throw ErrorSignal.of(ExcelError.VALUE); // a weekend of seven days: "1111111"
        }
        int step = days >= 0 ? 1 : -1;
        long remaining = Math.abs(days);
        long date = start;
        if (holidays.isEmpty() && remaining > perWeek) {
            // any seven consecutive days hold exactly perWeek working days
            long weeks = (remaining - 1) / perWeek;
            date += step * weeks * 7;
            remaining -= weeks * perWeek;
        }
        while (remaining > 0) {
            date += step;
            if (date < 0 || date > ExcelCalendar.MAX_SERIAL) {
                throw ErrorSignal.of(ExcelError.NUM);
            }
            if (weekend.isWorkday(date) && !holidays.contains((int) date)) {
                remaining--;
            }
        }
        return NumberValue.of(ExcelCalendar.checked(date));
    }

    /**
     * The holidays argument: dates in a range or array (blank cells ignored, texts and booleans
     * #VALUE!) or one date typed directly.
     */
    private static Set<Integer> holidays(Arguments a, int i) {
        Set<Integer> out = new HashSet<>();
        if (!a.has(i) || a.isOmitted(i)) {
            return out;
        }
        List<Grid> grids = switch (a.value(i)) {
            case ReferenceValue ref -> a.grids(i);
            case ArrayValue array -> List.of(array);
            case Scalar s -> List.of(Grid.of(NumberValue.of(Coerce.toNumber(s))));
        };
        for (Grid g : grids) {
            for (int k = 0; k < g.size(); k++) {
                Scalar v = Coerce.check(g.get(k));
                if (v instanceof NumberValue n) {
                    out.add(ExcelCalendar.day(n.value()));
                } else if (!(v instanceof BlankValue)) {
                    throw ErrorSignal.of(ExcelError.VALUE);
                }
            }
        }
        return out;
    }
}
