package io.carlo.engine.function;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** The builder surface {@link FunctionGroup}s use to define functions. */
public interface FunctionRegistry {

    void add(FunctionDef def);

    /** A function whose arguments are all {@link ArgKind#VALUE}. */
    default void scalar(String name, int minArgs, int maxArgs, FunctionBody body) {
        add(new FunctionDef(name, minArgs, maxArgs, List.of(ArgKind.VALUE), false, body));
    }

    /** Starts a definition with explicit argument kinds or flags. */
    default Builder function(String name) {
        return new Builder(this, name);
    }

    final class Builder {
        private final FunctionRegistry registry;
        private final String name;
        private int min;
        private int max;
        private final List<ArgKind> kinds = new ArrayList<>();
        private boolean isVolatile;

        private Builder(FunctionRegistry registry, String name) {
            this.registry = registry;
            this.name = name;
        }

        public Builder args(int minArgs, int maxArgs) {
            this.min = minArgs;
            this.max = maxArgs;
            return this;
        }

        /** Kinds per position; the last one repeats. */
        public Builder kinds(ArgKind... argKinds) {
            kinds.clear();
            kinds.addAll(Arrays.asList(argKinds));
            return this;
        }

        public Builder volatileFunction() {
            this.isVolatile = true;
            return this;
        }

        public void body(FunctionBody body) {
            registry.add(new FunctionDef(name, min, max, kinds, isVolatile, body));
        }
    }
}
