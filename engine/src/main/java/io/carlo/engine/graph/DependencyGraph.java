package io.carlo.engine.graph;

import io.carlo.engine.formula.Expr;
import io.carlo.engine.formula.ParsedFormula;
import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.value.Area;
import io.carlo.engine.workbook.CellAddress;
import io.carlo.engine.workbook.Sheet;
import io.carlo.engine.workbook.Workbook;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which formula cells each formula cell reads, in a form that gives an evaluation order. Edges come
 * from the references written in formulas (through defined names too); references computed at run
 * time (INDIRECT, OFFSET) are not known here and are handled by the evaluator on demand.
 *
 * <p>Formula cells are numbered densely; the order is a topological order of strongly connected
 * components (Tarjan), so that a cycle shows up as a component of several cells, or of one cell
 * that reads itself.
 */
public final class DependencyGraph {

    private final List<CellAddress> cells;
    private final Map<CellAddress, Integer> ids;
    private final int[][] precedents;
    private final List<List<Area>> areasRead;
    private final List<List<CellAddress>> components;

    private DependencyGraph(List<CellAddress> cells, Map<CellAddress, Integer> ids, int[][] precedents,
                            List<List<Area>> areasRead) {
        this.cells = cells;
        this.ids = ids;
        this.precedents = precedents;
        this.areasRead = areasRead;
        this.components = tarjan();
    }

    public static DependencyGraph build(WorkbookFormulas formulas) {
        Workbook wb = formulas.workbook();
        List<CellAddress> cells = new ArrayList<>(formulas.size());
        Map<CellAddress, Integer> ids = new HashMap<>(formulas.size() * 2);
        for (ParsedFormula f : formulas.all()) {
            ids.put(f.cell(), cells.size());
            cells.add(f.cell());
        }
        FormulaCellIndex index = new FormulaCellIndex(wb, cells);
        int[][] precedents = new int[cells.size()][];
        List<List<Area>> areasRead = new ArrayList<>(cells.size());
        for (int i = 0; i < cells.size(); i++) {
            ParsedFormula f = formulas.get(cells.get(i));
            Set<Integer> deps = new HashSet<>();
            List<Area> areas = new ArrayList<>();
            if (f.isArray() && !f.isArrayAnchor()) {
                Integer anchor = ids.get(f.arrayAnchor());
                if (anchor != null) {
                    deps.add(anchor);
                }
            } else if (f.expr() != null) {
                collectAreas(f.expr(), formulas, f.cell().sheet(), areas, 0);
                for (Area a : areas) {
                    index.formulaCellsIn(a, deps);
                }
            }
            precedents[i] = deps.stream().mapToInt(Integer::intValue).sorted().toArray();
            areasRead.add(List.copyOf(areas));
        }
        return new DependencyGraph(cells, ids, precedents, areasRead);
    }

    /** The areas an expression reads, following defined names (with a depth guard against self-reference). */
    static void collectAreas(Expr e, WorkbookFormulas formulas, int hostSheet, List<Area> out, int depth) {
        switch (e) {
            case Expr.Reference r -> out.addAll(r.areas());
            case Expr.Name n -> {
                if (depth < 32) {
                    formulas.name(n.name(), hostSheet).ifPresent(x -> collectAreas(x, formulas, hostSheet, out, depth + 1));
                }
            }
            case Expr.Unary u -> collectAreas(u.operand(), formulas, hostSheet, out, depth);
            case Expr.Binary b -> {
                collectAreas(b.left(), formulas, hostSheet, out, depth);
                collectAreas(b.right(), formulas, hostSheet, out, depth);
            }
            case Expr.Call c -> {
                for (Expr a : c.args()) {
                    collectAreas(a, formulas, hostSheet, out, depth);
                }
            }
            default -> {
            }
        }
    }

    /** Formula cells in evaluation order: every cell after the cells it reads (cycles aside). */
    public List<CellAddress> order() {
        List<CellAddress> out = new ArrayList<>(cells.size());
        for (List<CellAddress> c : components) {
            out.addAll(c);
        }
        return out;
    }

    /** Strongly connected components in evaluation order. */
    public List<List<CellAddress>> components() {
        return components;
    }

    /** The cycles: components of more than one cell, or a cell that reads itself. */
    public List<List<CellAddress>> cycles() {
        List<List<CellAddress>> out = new ArrayList<>();
        for (List<CellAddress> c : components) {
            if (c.size() > 1 || readsItself(ids.get(c.get(0)))) {
                out.add(c);
            }
        }
        return out;
    }

    private boolean readsItself(int id) {
        return Arrays.binarySearch(precedents[id], id) >= 0;
    }

    /**
     * The formula cells whose formulas reference a cell directly (for a constant cell too, which
     * has no node of its own in the graph).
     */
    public List<CellAddress> readersOf(CellAddress cell) {
        List<CellAddress> out = new ArrayList<>();
        for (int i = 0; i < cells.size(); i++) {
            for (Area a : areasRead.get(i)) {
                if (a.contains(cell.sheet(), cell.row(), cell.col())) {
                    out.add(cells.get(i));
                    break;
                }
            }
        }
        return out;
    }

    /** The formula cells a cell reads directly. */
    public List<CellAddress> precedents(CellAddress cell) {
        Integer id = ids.get(cell);
        if (id == null) {
            return List.of();
        }
        List<CellAddress> out = new ArrayList<>(precedents[id].length);
        for (int p : precedents[id]) {
            out.add(cells.get(p));
        }
        return out;
    }

    public boolean isFormula(CellAddress cell) {
        return ids.containsKey(cell);
    }

    public int size() {
        return cells.size();
    }

    /**
     * The formula cells needed to compute {@code targets} (the targets included when they are
     * formulas), in evaluation order: everything else in the workbook is skipped.
     */
    public List<CellAddress> orderFor(Collection<CellAddress> targets) {
        boolean[] needed = new boolean[cells.size()];
        Deque<Integer> todo = new ArrayDeque<>();
        for (CellAddress t : targets) {
            Integer id = ids.get(t);
            if (id != null && !needed[id]) {
                needed[id] = true;
                todo.push(id);
            }
        }
        while (!todo.isEmpty()) {
            for (int p : precedents[todo.pop()]) {
                if (!needed[p]) {
                    needed[p] = true;
                    todo.push(p);
                }
            }
        }
        List<CellAddress> out = new ArrayList<>();
        for (List<CellAddress> c : components) {
            for (CellAddress a : c) {
                if (needed[ids.get(a)]) {
                    out.add(a);
                }
            }
        }
        return out;
    }

    /** Iterative Tarjan: components come out with every component after those it reads. */
    private List<List<CellAddress>> tarjan() {
        int n = cells.size();
        int[] index = new int[n];
        int[] low = new int[n];
        boolean[] onStack = new boolean[n];
        Arrays.fill(index, -1);
        int[] stack = new int[n];
        int sp = 0;
        int counter = 0;
        int[] callNode = new int[n];
        int[] callEdge = new int[n];
        List<List<CellAddress>> out = new ArrayList<>();
        for (int root = 0; root < n; root++) {
            if (index[root] >= 0) {
                continue;
            }
            int depth = 0;
            callNode[0] = root;
            callEdge[0] = 0;
            index[root] = low[root] = counter++;
            stack[sp++] = root;
            onStack[root] = true;
            while (depth >= 0) {
                int v = callNode[depth];
                if (callEdge[depth] < precedents[v].length) {
                    int w = precedents[v][callEdge[depth]++];
                    if (index[w] < 0) {
                        index[w] = low[w] = counter++;
                        stack[sp++] = w;
                        onStack[w] = true;
                        depth++;
                        callNode[depth] = w;
                        callEdge[depth] = 0;
                    } else if (onStack[w]) {
                        low[v] = Math.min(low[v], index[w]);
                    }
                    continue;
                }
                if (low[v] == index[v]) {
                    List<CellAddress> comp = new ArrayList<>();
                    int w;
                    do {
                        w = stack[--sp];
                        onStack[w] = false;
                        comp.add(cells.get(w));
                    } while (w != v);
                    Collections.sort(comp);
                    out.add(comp);
                }
                depth--;
                if (depth >= 0) {
                    int parent = callNode[depth];
                    low[parent] = Math.min(low[parent], low[v]);
                }
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** Finds the formula cells inside an area quickly: per sheet and row, the sorted formula columns. */
    private static final class FormulaCellIndex {
        private final Map<CellAddress, Integer> ids = new HashMap<>();
        private final int[][][] colsBySheetRow;

        FormulaCellIndex(Workbook wb, List<CellAddress> cells) {
            colsBySheetRow = new int[wb.sheets().size()][][];
            Map<Integer, Map<Integer, List<Integer>>> tmp = new HashMap<>();
            for (int i = 0; i < cells.size(); i++) {
                CellAddress a = cells.get(i);
                ids.put(a, i);
                tmp.computeIfAbsent(a.sheet(), k -> new HashMap<>()).computeIfAbsent(a.row(), k -> new ArrayList<>())
                        .add(a.col());
            }
            for (Sheet s : wb.sheets()) {
                int[][] rows = new int[s.lastRow() + 1][];
                Map<Integer, List<Integer>> byRow = tmp.getOrDefault(s.index(), Map.of());
                for (var e : byRow.entrySet()) {
                    rows[e.getKey()] = e.getValue().stream().mapToInt(Integer::intValue).sorted().toArray();
                }
                colsBySheetRow[s.index()] = rows;
            }
        }

        void formulaCellsIn(Area a, Set<Integer> out) {
            if (a.sheet() < 0 || a.sheet() >= colsBySheetRow.length) {
                return;
            }
            int[][] rows = colsBySheetRow[a.sheet()];
            int last = Math.min(a.lastRow(), rows.length - 1);
            for (int r = a.firstRow(); r <= last; r++) {
                int[] cols = rows[r];
                if (cols == null) {
                    continue;
                }
                int from = Arrays.binarySearch(cols, a.firstCol());
                if (from < 0) {
                    from = -from - 1;
                }
                for (int k = from; k < cols.length && cols[k] <= a.lastCol(); k++) {
                    out.add(ids.get(new CellAddress(a.sheet(), r, cols[k])));
                }
            }
        }
    }
}
