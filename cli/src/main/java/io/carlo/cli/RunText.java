package io.carlo.cli;

import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.stats.Sensitivity;
import io.carlo.engine.stats.SummaryStatistics;
import java.io.PrintWriter;

/** The human-readable summary of {@code carlo run}. */
final class RunText {

    private RunText() {
    }

    static void print(SimulationResult r, PrintWriter out) {
        out.printf("%s: %,d iterations, seed %d, %s sampling, %d threads%n", r.workbook(), r.iterations(), r.seed(),
                r.sampling(), r.threads());
        out.printf("  load %d ms, compile %d ms, simulate %d ms (%,.0f iterations/s)%n", r.timings().loadMillis(),
                r.timings().compileMillis(), r.timings().simulateMillis(),
                r.iterations() / Math.max(r.timings().simulateMillis() / 1000.0, 1e-3));
        if (r.correlation() != null) {
            var c = r.correlation();
            out.printf("  rank correlations%s:%n", c.repaired() ? " (the matrix given was not consistent and was repaired)" : "");
            for (int i = 0; i < c.inputs().size(); i++) {
                for (int j = i + 1; j < c.inputs().size(); j++) {
                    out.printf("    %s ~ %s: target %+.3f, used %+.3f, achieved %+.3f%n", c.inputs().get(i),
                            c.inputs().get(j), c.target()[i][j], c.used()[i][j], c.achieved()[i][j]);
                }
            }
        }
        for (SimulationResult.OutputResult o : r.outputs()) {
            SummaryStatistics s = o.statistics();
            out.println();
            out.printf("%s%s%n", o.cell(), o.name().equals(o.cell()) ? "" : " (" + o.name() + ")");
            out.printf("  mean %s  sd %s  95%% CI of mean [%s, %s]%n", num(s.mean()), num(s.stdDev()),
                    num(s.meanCiLow()), num(s.meanCiHigh()));
            out.printf("  min %s  p5 %s  p25 %s  median %s  p75 %s  p95 %s  max %s%n", num(s.min()),
                    num(s.percentiles().get(5)), num(s.percentiles().get(25)), num(s.percentiles().get(50)),
                    num(s.percentiles().get(75)), num(s.percentiles().get(95)), num(s.max()));
            if (s.errors() > 0) {
                out.printf("  %,d iterations gave an Excel error (excluded from the statistics)%n", s.errors());
            }
            s.targets().forEach(t -> out.printf("  P(x <= %s) = %.4f%n", num(t.target()), t.atOrBelow()));
            int shown = 0;
            for (Sensitivity x : o.sensitivity()) {
                if (shown++ == 5) {
                    break;
                }
                out.printf("  sensitivity to %-28s rank corr %+.3f  regression %+.3f  variance %5.1f%%%n", x.input(),
                        x.rankCorrelation(), x.regressionCoefficient(), 100 * x.contributionToVariance());
            }
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) {
            return "n/a";
        }
        double a = Math.abs(v);
        if (a != 0 && (a < 1e-3 || a >= 1e9)) {
            return String.format("%.4g", v);
        }
        return String.format(a >= 100 ? "%,.2f" : "%.4f", v);
    }
}
