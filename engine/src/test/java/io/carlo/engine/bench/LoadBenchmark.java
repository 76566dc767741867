package io.carlo.engine.bench;

import io.carlo.engine.formula.WorkbookFormulas;
import io.carlo.engine.graph.DependencyGraph;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.engine.workbook.Workbook;
import io.carlo.engine.workbook.WorkbookLoader;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Prints how long Carlo takes to load a workbook, parse its formulas and build the dependency graph,
 * after JVM warm-up (median of the measured rounds). A benchmark, not a test: run it with
 * {@code scripts/benchmark-load [FILE]}; the default file is startup-36-month-plan.xlsx.
 */
public final class LoadBenchmark {

    private static final int WARMUP = 10;
    private static final int ROUNDS = 15;

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : TestWorkbooks.shared("startup-36-month-plan.xlsx");
        WorkbookLoader loader = new WorkbookLoader();
        double[] load = new double[ROUNDS];
        double[] parse = new double[ROUNDS];
        double[] graph = new double[ROUNDS];
        int formulas = 0;
        for (int i = -WARMUP; i < ROUNDS; i++) {
            long t0 = System.nanoTime();
            Workbook wb = loader.load(file);
            long t1 = System.nanoTime();
            WorkbookFormulas f = WorkbookFormulas.parse(wb);
            long t2 = System.nanoTime();
            DependencyGraph g = DependencyGraph.build(f);
            long t3 = System.nanoTime();
            formulas = g.size();
            if (i >= 0) {
                load[i] = (t1 - t0) / 1e6;
                parse[i] = (t2 - t1) / 1e6;
                graph[i] = (t3 - t2) / 1e6;
            }
        }
        double l = median(load);
        double p = median(parse);
        double g = median(graph);
        System.out.printf("%s: %d formulas, median of %d rounds after %d warm-up rounds%n",
                file.getFileName(), formulas, ROUNDS, WARMUP);
        System.out.printf("  load %.1f ms + parse %.1f ms + graph %.1f ms = %.1f ms%n", l, p, g, l + p + g);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }
}
