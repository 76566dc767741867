package io.carlo.engine.sampling;

import java.util.ArrayList;
import java.util.List;

/** Reads a {@code describe()} string such as {@code Discrete({1, 2}, {3, 4})} back into a distribution. */
final class Describe {

    private Describe() {
    }

    static Distribution parse(String text) {
        int open = text.indexOf('(');
        String name = text.substring(0, open);
        String body = text.substring(open + 1, text.length() - 1);
        List<double[]> args = new ArrayList<>();
        int i = 0;
        while (i < body.length()) {
            char ch = body.charAt(i);
            if (ch == ' ' || ch == ',') {
                i++;
            } else if (ch == '{') {
                int close = body.indexOf('}', i);
                String[] parts = body.substring(i + 1, close).split(",");
                double[] values = new double[parts.length];
                for (int k = 0; k < parts.length; k++) {
                    values[k] = Double.parseDouble(parts[k].strip());
                }
                args.add(values);
                i = close + 1;
            } else {
                int end = body.indexOf(',', i);
                end = end < 0 ? body.length() : end;
                args.add(new double[] {Double.parseDouble(body.substring(i, end).strip())});
                i = end;
            }
        }
        return Distributions.create(name, args);
    }
}
