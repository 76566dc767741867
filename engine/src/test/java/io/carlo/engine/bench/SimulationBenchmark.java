package io.carlo.engine.bench;

import io.carlo.engine.bench.PoiLoopBaseline.Recalculation;
import io.carlo.engine.eval.WorkbookEvaluator;
import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.simulation.InputDefinition;
import io.carlo.engine.simulation.ModelBuilder;
import io.carlo.engine.simulation.Sampling;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.workbook.WorkbookLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints iterations per second of Carlo's Monte Carlo run and of a POI recalculation loop on the shared
 * workbooks (with their README's inputs) and on the two generated models. A benchmark, not a test:
 * run it with {@code scripts/benchmark-run [-n ITERATIONS] [--threads N] [--poi-seconds S]
 * [--poi-mode incremental|outputs|whole] [--only TEXT,...]} ({@code --only}: models whose
 * name contains one of the texts).
 *
 * <p>Per model: compile once, one warm-up run of a quarter of the iterations, then the measured run
 * of {@code -n} iterations (default 10^6, Monte Carlo sampling, all cores); then POI's loop, warmed up
 * for a second and measured for {@code --poi-seconds} (default 10). Both draw the same inputs for the
 * same seed, so the last column compares their outputs iteration by iteration over the iterations POI
 * ran: a fast answer is worth nothing if it is not the same answer.
 */
public final class SimulationBenchmark {

    private static final long SEED = 20_260_101L;

    private SimulationBenchmark() {
    }

    public static void main(String[] args) throws IOException {
        Options o = Options.parse(args);
        Path dir = Files.createTempDirectory("carlo-bench");
        List<BenchmarkModel> models = new ArrayList<>(SharedModels.all());
        models.add(GeneratedModels.npvModel(dir.resolve("generated-npv.xlsx")));
        models.add(GeneratedModels.portfolioModel(dir.resolve("generated-portfolio.xlsx")));

        System.out.printf(Locale.ROOT, "Carlo %,d iterations (MC, %d threads) vs POI loop (%s, %d s); %d cores, "
                        + "load average %s, Java %s%n%n", o.iterations, o.threads, o.poiMode.name().toLowerCase(Locale.ROOT),
                o.poiSeconds, Runtime.getRuntime().availableProcessors(), loadAverage(), Runtime.version());
        System.out.printf(Locale.ROOT, "%-30s %8s %7s %9s %14s %10s %10s  %s%n", "model", "formulas", "cone",
                "compile", "Carlo it/s", "POI it/s", "ratio", "Carlo = POI");
        for (BenchmarkModel model : models) {
            if (o.only != null && java.util.Arrays.stream(o.only.split(",")).noneMatch(model.name()::contains)) {
                continue;
            }
            Row row = measure(model, o);
            System.out.printf(Locale.ROOT, "%-30s %,8d %,7d %6d ms %,14.0f %,10.1f %,10.0f  %s%n", model.name(),
                    row.formulas, row.cone, row.compileMillis, row.carloPerSecond, row.poiPerSecond,
                    row.carloPerSecond / row.poiPerSecond, row.agreement);
        }
    }

    private record Row(int formulas, int cone, long compileMillis, double carloPerSecond, double poiPerSecond,
                       String agreement) {
    }

    private static Row measure(BenchmarkModel model, Options o) {
        long t0 = System.nanoTime();
        SimulationModel carlo = compile(model, SEED);
        long compileMillis = (System.nanoTime() - t0) / 1_000_000;

        Simulator.run(carlo, SimulationSettings.of(Math.max(1_000, o.iterations / 4), SEED + 1, Sampling.MC, o.threads),
                Simulator.Listener.NONE);
        long t1 = System.nanoTime();
        Simulator.Samples samples = Simulator.run(carlo, SimulationSettings.of(o.iterations, SEED, Sampling.MC,
                o.threads), Simulator.Listener.NONE);
        double carloPerSecond = o.iterations / ((System.nanoTime() - t1) / 1e9);

        PoiLoopBaseline poi = new PoiLoopBaseline(model, distributions(carlo));
        poi.run(o.iterations, Duration.ofSeconds(1), SEED + 1, o.poiMode);
        PoiLoopBaseline.Result r = poi.run(o.iterations, Duration.ofSeconds(o.poiSeconds), SEED, o.poiMode);

        int compared = 0;
        int differ = 0;
        for (int j = 0; j < model.outputs().size(); j++) {
            for (int i = 0; i < r.iterations(); i++) {
                compared++;
                if (!agree(samples.outputs()[j][i], r.outputs()[j][i])) {
                    differ++;
                }
            }
        }
        String agreement = differ == 0 ? "yes (" + compared + " values)" : "NO: " + differ + " of " + compared + " differ";
        return new Row(carlo.base().workbook().formulaCount(), carlo.plan().cells().size(), compileMillis,
                carloPerSecond, r.iterationsPerSecond(), agreement);
    }

    /** Carlo's simulation model of a benchmark model: its inputs and outputs over the loaded workbook. */
    public static SimulationModel compile(BenchmarkModel model, long seed) {
        WorkbookEvaluator base = WorkbookEvaluator.of(new WorkbookLoader().load(model.file()));
        ModelBuilder builder = new ModelBuilder(base);
        model.inputs().forEach(in -> builder.input(in.spec()));
        model.outputs().forEach(builder::output);
        return builder.build(seed);
    }

    /** The distributions Carlo built, in input order, for the POI loop to draw the same values. */
    public static List<Distribution> distributions(SimulationModel model) {
        return model.inputs().stream().map(InputDefinition::distribution).toList();
    }

    /** Same value to a relative 1e-9 (as {@code carlo verify}), or an error (NaN) on both sides. */
    public static boolean agree(double carlo, double poi) {
        if (Double.isNaN(carlo) || Double.isNaN(poi)) {
            return Double.isNaN(carlo) && Double.isNaN(poi);
        }
        return Math.abs(carlo - poi) <= 1e-9 * Math.max(1.0, Math.abs(poi));
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException | RuntimeException e) {
            return "unknown";
        }
    }

    private record Options(long iterations, int threads, int poiSeconds, Recalculation poiMode, String only) {

        static Options parse(String[] args) {
            long iterations = 1_000_000;
            int threads = Runtime.getRuntime().availableProcessors();
            int poiSeconds = 10;
            Recalculation mode = Recalculation.INCREMENTAL;
            String only = null;
            for (int i = 0; i < args.length; i++) {
                String value = i + 1 < args.length ? args[i + 1] : null;
                switch (args[i]) {
                    case "-n", "--iterations" -> iterations = Long.parseLong(require(args[i], value).replace("_", ""));
                    case "--threads" -> threads = Integer.parseInt(require(args[i], value));
                    case "--poi-seconds" -> poiSeconds = Integer.parseInt(require(args[i], value));
                    case "--poi-mode" -> mode = switch (require(args[i], value)) {
                        case "incremental" -> Recalculation.INCREMENTAL;
                        case "outputs" -> Recalculation.OUTPUTS_ONLY;
                        case "whole" -> Recalculation.WHOLE_WORKBOOK;
                        default -> throw new IllegalArgumentException("--poi-mode: incremental, outputs or whole, got "
                                + value);
                    };
                    case "--only" -> only = require(args[i], value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i] + "; options: -n ITERATIONS "
                            + "--threads N --poi-seconds S --poi-mode incremental|outputs|whole --only TEXT,...");
                }
                i++;
            }
            return new Options(iterations, threads, poiSeconds, mode, only);
        }

        private static String require(String option, String value) {
            if (value == null) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            return value;
        }
    }
}
