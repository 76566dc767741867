package io.carlo.engine.function;

import io.carlo.engine.function.date.DateFunctions;
import io.carlo.engine.function.financial.FinancialFunctions;
import io.carlo.engine.function.info.InformationFunctions;
import io.carlo.engine.function.logical.ConditionalAggregateFunctions;
import io.carlo.engine.function.logical.LogicalFunctions;
import io.carlo.engine.function.lookup.LookupFunctions;
import io.carlo.engine.function.math.MathFunctions;
import io.carlo.engine.function.risk.RiskFunctions;
import io.carlo.engine.function.statistics.DistributionFunctions;
import io.carlo.engine.function.statistics.StatisticalFunctions;
import io.carlo.engine.function.text.TextFunctions;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** Every Excel function Carlo evaluates, by upper-case name (without the {@code _xlfn.} prefix). */
public final class FunctionLibrary {

    private static final List<FunctionGroup> GROUPS = List.of(
            new MathFunctions(),
            new StatisticalFunctions(),
            new DistributionFunctions(),
            new LookupFunctions(),
            new LogicalFunctions(),
            new ConditionalAggregateFunctions(),
            new InformationFunctions(),
            new TextFunctions(),
            new DateFunctions(),
            new FinancialFunctions(),
            new RiskFunctions());

    private static final FunctionLibrary STANDARD = build(GROUPS);

    private final Map<String, FunctionDef> functions;

    private FunctionLibrary(Map<String, FunctionDef> functions) {
        this.functions = Collections.unmodifiableMap(functions);
    }

    public static FunctionLibrary standard() {
        return STANDARD;
    }

    public static FunctionLibrary build(List<FunctionGroup> groups) {
        Map<String, FunctionDef> map = new TreeMap<>();
        for (FunctionGroup g : groups) {
            g.register(def -> {
                if (map.putIfAbsent(def.name(), def) != null) {
                    throw new IllegalStateException("function defined twice: " + def.name());
                }
            });
        }
        return new FunctionLibrary(map);
    }

    /** This library with the functions of one more group (the simulation adds its own). */
    public FunctionLibrary plus(FunctionGroup group) {
        Map<String, FunctionDef> map = new TreeMap<>(functions);
        group.register(def -> {
            if (map.putIfAbsent(def.name(), def) != null) {
                throw new IllegalStateException("function defined twice: " + def.name());
            }
        });
        return new FunctionLibrary(map);
    }

    /** Looks a function up by name, ignoring case and Excel's {@code _xlfn.}/{@code _xlws.} prefixes. */
    public Optional<FunctionDef> find(String name) {
        return Optional.ofNullable(functions.get(normalize(name)));
    }

    /** All function names, sorted. */
    public List<String> names() {
        return List.copyOf(functions.keySet());
    }

    public int size() {
        return functions.size();
    }

    public static String normalize(String name) {
        String n = name.toUpperCase(Locale.ROOT);
        for (String prefix : List.of("_XLFN._XLWS.", "_XLFN.", "_XLWS.", "_XLL.")) {
            if (n.startsWith(prefix)) {
                n = n.substring(prefix.length());
            }
        }
        return n;
    }
}
