package io.carlo.engine.function;

import java.util.List;
import java.util.Locale;

/**
 * One function of the library: its name, arity, how each argument is passed, and its body.
 *
 * @param kinds how each argument is passed; the last kind repeats for further arguments
 * @param isVolatile recalculated on every evaluation (RAND, NOW, OFFSET, INDIRECT...)
 */
public record FunctionDef(String name, int minArgs, int maxArgs, List<ArgKind> kinds, boolean isVolatile,
                          FunctionBody body) {

    public FunctionDef {
        name = name.toUpperCase(Locale.ROOT);
        kinds = List.copyOf(kinds);
        if (kinds.isEmpty()) {
            kinds = List.of(ArgKind.VALUE);
        }
        if (minArgs < 0 || maxArgs < minArgs) {
            throw new IllegalArgumentException(name + ": bad arity " + minArgs + ".." + maxArgs);
        }
    }

    public ArgKind kind(int index) {
        return index < kinds.size() ? kinds.get(index) : kinds.get(kinds.size() - 1);
    }
}
