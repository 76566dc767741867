package io.carlo.engine.plan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The order in which a plan evaluates its cells, and when each column may be recycled.
 *
 * <p>The dependency order the workbook gives is usually sheet by sheet, row by row: a model of 50
 * products x 20 years computes every product's volumes, then every price, then every cost... and
 * keeps thousands of columns alive until their readers come, far more than the CPU caches hold.
 * Evaluated depth first from the cells no formula reads (each cell right after the cells it reads,
 * in the order the formula reads them), a column is typically read soon after it is written and
 * dead soon after; the plan then recycles it.
 *
 * <p>This needs every cell a formula reads to be known. A formula on the interpreter path
 * (INDIRECT, OFFSET, a name that is not a plain reference, any function without a kernel) may read
 * any cell, as may a formula reading a cell that comes later (a circular model): then the
 * workbook's order is kept and every cell keeps its column for the whole block. Shared
 * sub-expressions are internal to the plan and are recycled after their last reader either way.
 */
final class Schedule {

    /** Cell indices in evaluation order. */
    final int[] order;
    /** Per step of {@link #order}: the cells whose last reader has then run. */
    final int[][] cellsDone;
    /** Per step: the slots of shared nodes whose last reader has then run. */
    final int[][] sharedDone;

    /** The most columns of cells and shared nodes alive at once during a block. */
    final int liveColumns;
    private final boolean recycles;

    private Schedule(int[] order, int[][] cellsDone, int[][] sharedDone, int liveColumns, boolean recycles) {
        this.order = order;
        this.cellsDone = cellsDone;
        this.sharedDone = sharedDone;
        this.liveColumns = liveColumns;
        this.recycles = recycles;
    }

    /** Whether cells are recycled (false: the workbook's order, every cell kept to the end of the block). */
    boolean recyclesCells() {
        return recycles;
    }

    static Schedule of(Node[] roots) {
        int n = roots.length;
        int[][] reads = new int[n][];
        List<List<SharedNode>> shared = new ArrayList<>(n);
        boolean known = true;
        for (int i = 0; i < n; i++) {
            Reads r = new Reads();
            r.walk(roots[i]);
            reads[i] = r.cells.stream().mapToInt(Integer::intValue).toArray();
            shared.add(List.copyOf(r.shared));
            for (int c : reads[i]) {
                known &= c < i;
            }
            known &= !r.unknown;
        }
        int[] order = known ? depthFirst(reads) : identity(n);
        int[] step = new int[n];
        for (int s = 0; s < n; s++) {
            step[order[s]] = s;
        }
        // the last step reading each cell and each shared node
        int[] cellLast = new int[n];
        Arrays.fill(cellLast, -1);
        Map<SharedNode, Integer> sharedLast = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            int s = step[i];
            cellLast[i] = Math.max(cellLast[i], s); // a cell no formula reads: done once computed
            for (int c : reads[i]) {
                cellLast[c] = Math.max(cellLast[c], s);
            }
            for (SharedNode sn : shared.get(i)) {
                sharedLast.merge(sn, s, Math::max);
            }
        }
        List<List<Integer>> cellsDone = lists(n);
        List<List<Integer>> sharedDone = lists(n);
        if (known) {
            for (int c = 0; c < n; c++) {
                cellsDone.get(cellLast[c]).add(c);
            }
        }
        sharedLast.forEach((sn, s) -> sharedDone.get(s).add(sn.slot));
        // columns alive at each step: cells computed and not done, shared nodes between first and last use
        int[] sharedDelta = new int[n + 1];
        Map<SharedNode, Integer> sharedFirst = new IdentityHashMap<>();
        for (int i = 0; i < n; i++) {
            for (SharedNode sn : shared.get(i)) {
                sharedFirst.merge(sn, step[i], Math::min);
            }
        }
        sharedFirst.forEach((sn, first) -> {
            sharedDelta[first]++;
            sharedDelta[sharedLast.get(sn) + 1]--;
        });
        int live = 0;
        int sharedLive = 0;
        int most = 0;
        for (int s = 0; s < n; s++) {
            live++;
            sharedLive += sharedDelta[s];
            most = Math.max(most, live + sharedLive);
            if (known) {
                live -= cellsDone.get(s).size();
            }
        }
        return new Schedule(order, arrays(cellsDone), arrays(sharedDone), most, known);
    }

    /** Post-order from the cells no formula reads, each cell's reads in reading order; no recursion (chains can be long). */
    private static int[] depthFirst(int[][] reads) {
        int n = reads.length;
        boolean[] read = new boolean[n];
        for (int[] r : reads) {
            for (int c : r) {
                read[c] = true;
            }
        }
        int[] order = new int[n];
        int emitted = 0;
        boolean[] visited = new boolean[n];
        int[] stack = new int[n];
        int[] next = new int[n];
        for (int sink = 0; sink < n; sink++) {
            if (read[sink]) {
                continue;
            }
            int top = 0;
            stack[0] = sink;
            next[0] = 0;
            visited[sink] = true;
            while (top >= 0) {
                int cell = stack[top];
                if (next[top] < reads[cell].length) {
                    int dep = reads[cell][next[top]++];
                    if (!visited[dep]) {
                        visited[dep] = true;
                        top++;
                        stack[top] = dep;
                        next[top] = 0;
                    }
                } else {
                    order[emitted++] = cell;
                    top--;
                }
            }
        }
        if (emitted != n) {
            throw new IllegalStateException("schedule covers " + emitted + " of " + n + " cells");
        }
        return order;
    }

    private static int[] identity(int n) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        return order;
    }

    private static List<List<Integer>> lists(int n) {
        List<List<Integer>> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            out.add(new ArrayList<>(0));
        }
        return out;
    }

    private static int[][] arrays(List<List<Integer>> lists) {
        int[][] out = new int[lists.size()][];
        for (int i = 0; i < out.length; i++) {
            out[i] = lists.get(i).stream().mapToInt(Integer::intValue).toArray();
        }
        return out;
    }

    /** What one formula's kernel tree reads: cells (in reading order), memoized shared nodes, and whether it may read any cell. */
    private static final class Reads {
        final Set<Integer> cells = new LinkedHashSet<>();
        final Set<SharedNode> shared = Collections.newSetFromMap(new IdentityHashMap<>());
        boolean unknown;

        void walk(Node node) {
            switch (node) {
                case CellNode c -> cells.add(c.cell);
                case GenericNode g -> unknown = true;
                case SharedNode s -> {
                    if (s.memoized() && !shared.add(s)) {
                        return; // already walked for this formula
                    }
                    s.forEachChild(this::walk);
                }
                default -> node.forEachChild(this::walk);
            }
        }
    }
}
