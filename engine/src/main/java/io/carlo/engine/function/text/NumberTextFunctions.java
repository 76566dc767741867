package io.carlo.engine.function.text;

import io.carlo.engine.format.ExcelNumberFormat;
import io.carlo.engine.function.Arguments;
import io.carlo.engine.function.FunctionRegistry;
import io.carlo.engine.value.BlankValue;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.Coerce;
import io.carlo.engine.value.ErrorSignal;
import io.carlo.engine.value.ExcelError;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.value.TextValue;
import java.util.OptionalDouble;
import java.util.regex.Pattern;

/** Between numbers and text: VALUE, NUMBERVALUE, TEXT, FIXED and DOLLAR. */
final class NumberTextFunctions {

    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");
    /** FIXED and DOLLAR accept at most 127 decimals. */
    private static final int MAX_DECIMALS = 127;

    private NumberTextFunctions() {
    }

    static void register(FunctionRegistry registry) {
        registry.scalar("VALUE", 1, 1, NumberTextFunctions::value);
        registry.scalar("NUMBERVALUE", 1, 3, NumberTextFunctions::numberValue);
        registry.scalar("TEXT", 2, 2, NumberTextFunctions::text);
        registry.scalar("FIXED", 1, 3, NumberTextFunctions::fixed);
        registry.scalar("DOLLAR", 1, 2, NumberTextFunctions::dollar);
    }

    /** VALUE reads numbers, percents, currency, dates and times from text; a boolean is #VALUE!. */
    private static Scalar value(Arguments args) {
        return switch (Coerce.check(args.scalar(0))) {
            case NumberValue n -> n;
            case BlankValue b -> NumberValue.ZERO;
            case TextValue t -> NumberValue.of(Coerce.parseNumber(t.value())
                    .orElseThrow(() -> ErrorSignal.of(ExcelError.VALUE)));
            default -> throw ErrorSignal.of(ExcelError.VALUE);
        };
    }

    /**
     * NUMBERVALUE(text, [decimal_separator], [group_separator]): locale-independent parsing. Spaces
     * are ignored anywhere, group separators only before the decimal separator, trailing percent
     * signs each divide by 100, and only the first character of each separator counts.
     */
    private static Scalar numberValue(Arguments args) {
        Scalar v = Coerce.check(args.scalar(0));
        if (v instanceof NumberValue n) {
            return n;
        }
        if (v instanceof BooleanValue) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        String text = Coerce.toText(v);
        char decimal = separator(args, 1, '.');
        char group = separator(args, 2, ',');
        if (decimal == group) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                s.append(text.charAt(i));
            }
        }
        double scale = 1;
        while (!s.isEmpty() && s.charAt(s.length() - 1) == '%') {
            scale /= 100;
            s.setLength(s.length() - 1);
        }
        if (s.isEmpty()) {
            return NumberValue.ZERO;
        }
        int point = s.indexOf(String.valueOf(decimal));
        if (point >= 0 && (s.indexOf(String.valueOf(decimal), point + 1) >= 0
                || s.indexOf(String.valueOf(group), point + 1) >= 0)) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        String normal = s.toString().replace(String.valueOf(group), "").replace(decimal, '.');
        if (!PLAIN_NUMBER.matcher(normal).matches()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return NumberValue.of(Double.parseDouble(normal) * scale);
    }

    private static char separator(Arguments args, int i, char absent) {
        if (!args.has(i)) {
            return absent;
        }
        String s = args.text(i);
        if (s.isEmpty()) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return s.charAt(0);
    }

    /**
     * TEXT(value, format_text). A text that reads as a number is formatted as that number
     * (TEXT("1234","#,##0") is "1,234"); other text goes through the format's text section.
     */
    private static Scalar text(Arguments args) {
        Scalar v = Coerce.check(args.scalar(0));
        String format = args.text(1);
        if (format.isEmpty()) {
            return TextValue.EMPTY;
        }
        if (v instanceof TextValue t) {
            OptionalDouble d = Coerce.parseNumber(t.value());
            if (d.isPresent()) {
                v = NumberValue.of(d.getAsDouble());
            }
        } else if (v instanceof BlankValue) {
            v = NumberValue.ZERO;
        }
        return TextArgs.text(ExcelNumberFormat.format(v, format));
    }

    /** FIXED(number, [decimals=2], [no_commas=FALSE]): rounded, with or without thousands separators. */
    private static Scalar fixed(Arguments args) {
        double x = args.number(0);
        int decimals = decimals(args, 1);
        boolean noCommas = args.has(2) && args.bool(2);
        Rounded r = Rounded.of(x, decimals, !noCommas);
        return TextArgs.text(r.negative ? "-" + r.digits : r.digits);
    }

    /**
     * DOLLAR(number, [decimals=2]): en-US currency format $#,##0.00_);($#,##0.00), negatives in
     * parentheses.
     */
    private static Scalar dollar(Arguments args) {
        double x = args.number(0);
        Rounded r = Rounded.of(x, decimals(args, 1), true);
        return TextArgs.text(r.negative ? "($" + r.digits + ")" : "$" + r.digits);
    }

    private static int decimals(Arguments args, int i) {
        if (!args.has(i) || args.isOmitted(i)) {
            return 2;
        }
        double d = args.number(i);
        if (d > MAX_DECIMALS) {
            throw ErrorSignal.of(ExcelError.VALUE);
        }
        return (int) Math.max(d, -400);
    }

    /**
     * A number rounded like ROUND (half away from zero, negative decimals round to tens,
     * hundreds...) and then shown: the digits without sign, and whether the rounded value is
     * negative (a value that rounds to zero loses its sign, unlike a cell format's "-0.00").
     */
    private record Rounded(String digits, boolean negative) {

        static Rounded of(double x, int decimals, boolean grouping) {
            String fraction = decimals > 0 ? "." + "0".repeat(decimals) : "";
            double unit = decimals < 0 ? Math.pow(10, -decimals) : 1;
            double magnitude = Double.parseDouble(ExcelNumberFormat.format(Math.abs(x) / unit, "0" + fraction)) * unit;
            String digits = ExcelNumberFormat.format(magnitude, (grouping ? "#,##0" : "0") + fraction);
            return new Rounded(digits, x < 0 && magnitude != 0);
        }
    }
}
