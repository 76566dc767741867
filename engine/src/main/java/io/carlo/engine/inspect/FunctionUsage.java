package io.carlo.engine.inspect;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.function.FunctionLibrary;
import io.carlo.engine.sampling.Distributions;
import io.carlo.engine.sampling.RiskCalls;
import io.carlo.engine.workbook.CellAddress;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Which functions a workbook's formulas call, which of them Carlo does not know, and where.
 * Each formula is counted once per function it calls (a shared formula counts for each cell).
 */
public final class FunctionUsage {

    /** Functions that do not come from the library but from the evaluator itself. */
    private static final Set<String> SPECIAL_FORMS = Set.of("LET");

    /** Functions whose value changes on every calculation, so a cached value cannot be reproduced. */
    private static final Set<String> NONDETERMINISTIC = Set.of("RAND", "RANDBETWEEN", "RANDARRAY", "NOW", "TODAY");

    private final Map<String, Integer> used = new TreeMap<>();
    private final Map<String, Integer> unsupported = new TreeMap<>();
    private final Map<String, List<CellAddress>> unsupportedCells = new TreeMap<>();
    private final Set<CellAddress> unsupportedFormulaCells = new LinkedHashSet<>();
    private final Set<CellAddress> nondeterministicCells = new LinkedHashSet<>();

    public static FunctionUsage of(WorkbookFormulas formulas, FunctionLibrary library) {
        FunctionUsage u = new FunctionUsage();
        for (ParsedFormula f : formulas.all()) {
            if (f.expr() == null) {
                continue;
            }
            Set<String> names = new LinkedHashSet<>();
            collect(f.expr(), names);
            for (String name : names) {
                u.used.merge(name, 1, Integer::sum);
                if (NONDETERMINISTIC.contains(name)) {
                    u.nondeterministicCells.add(f.cell());
                }
                if (!SPECIAL_FORMS.contains(name) && library.find(name).isEmpty() && !isDistribution(name)) {
                    u.unsupported.merge(name, 1, Integer::sum);
                    u.unsupportedCells.computeIfAbsent(name, k -> new ArrayList<>()).add(f.cell());
                    u.unsupportedFormulaCells.add(f.cell());
                }
            }
        }
        return u;
    }

    /** @RISK distributions (RiskNormal...) are evaluated by the engine itself, at their static value. */
    private static boolean isDistribution(String name) {
        return RiskCalls.isDistribution(name) && Distributions.isKnown(name);
    }

    private static void collect(Expr e, Set<String> out) {
        switch (e) {
            case Expr.Call c -> {
                out.add(c.name());
                for (Expr a : c.args()) {
                    collect(a, out);
                }
            }
            case Expr.Unary u -> collect(u.operand(), out);
            case Expr.Binary b -> {
                collect(b.left(), out);
                collect(b.right(), out);
            }
            default -> {
            }
        }
    }

    /** Function name to the number of formulas calling it. */
    public Map<String, Integer> used() {
        return used;
    }

    /** Unknown function name to the number of formulas calling it. */
    public Map<String, Integer> unsupported() {
        return unsupported;
    }

    /** Unknown function name to the cells calling it. */
    public Map<String, List<CellAddress>> unsupportedCells() {
        return unsupportedCells;
    }

    /** Formula cells that call at least one unknown function. */
    public Set<CellAddress> unsupportedFormulaCells() {
        return unsupportedFormulaCells;
    }

    /** Formula cells that call RAND, NOW and the like directly. */
    public Set<CellAddress> nondeterministicCells() {
        return nondeterministicCells;
    }
}
