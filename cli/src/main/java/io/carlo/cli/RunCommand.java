package io.carlo.cli;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.report.SamplesCsv;
import io.carlo.engine.report.XlsxReport;
import io.carlo.engine.simulation.DeterministicCheck;
import io.carlo.engine.simulation.ModelBuilder;
import io.carlo.engine.simulation.ResultBuilder;
import io.carlo.engine.simulation.Sampling;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.stats.StatisticsOptions;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "run", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run a Monte Carlo simulation of a workbook.",
                "Without --input/--output, uses the distributions (RiskNormal(...)) and outputs (RiskOutput()) "
                        + "declared in the workbook.",
                "With --server, a Carlo server runs it instead, with the API key in the CARLO_API_KEY environment "
                        + "variable (the same options; the server's plan and limits apply)."})
final class RunCommand implements Callable<Integer> {

    @Parameters(paramLabel = "FILE", description = "the workbook (.xlsx or .xls)")
    Path file;

    @Option(names = "--input", paramLabel = "CELL=DIST",
            description = "an uncertain input, e.g. 'Sheet1!B3=Normal(100,10)' (repeatable)")
    List<String> inputs = new ArrayList<>();

    @Option(names = "--output", paramLabel = "CELL", description = "an output cell, e.g. 'Sheet1!D10' (repeatable)")
    List<String> outputs = new ArrayList<>();

    @Option(names = "--correlate", paramLabel = "CELL1,CELL2=R",
            description = "rank correlation between two inputs, e.g. 'Sheet1!B3,Sheet1!B4=0.6' (repeatable)")
    List<String> correlations = new ArrayList<>();

    @Option(names = "--correlation-method", paramLabel = "METHOD", defaultValue = "iman-conover",
            description = "how --correlate is induced: iman-conover (default), gaussian (copula) or t:DF "
                    + "(Student t copula with DF degrees of freedom, for joint extremes)")
    String correlationMethod;

    @Option(names = {"-n", "--iterations"}, paramLabel = "N", description = "iterations (default ${DEFAULT-VALUE})",
            defaultValue = "10000")
    long iterations;

    @Option(names = "--seed", paramLabel = "N", description = "random seed; the same seed reproduces a run exactly "
            + "(default: chosen at random and reported)")
    Long seed;

    @Option(names = "--sampling", paramLabel = "lhs|mc|sobol", description = "Latin hypercube, plain Monte Carlo "
            + "or randomized Sobol (default ${DEFAULT-VALUE})", defaultValue = "lhs")
    String sampling;

    @Option(names = "--threads", paramLabel = "N", description = "worker threads (default: all cores); "
            + "results do not depend on it")
    Integer threads;

    @Option(names = "--auto-stop", paramLabel = "TOL", description = "stop before -n iterations once every "
            + "output's mean is known to +-TOL of itself (95%% confidence), e.g. 0.001; implies --sampling mc")
    double autoStop;

    @Option(names = "--target", paramLabel = "VALUE", description = "report P(output <= VALUE) (repeatable)")
    List<Double> targets = new ArrayList<>();

    @Option(names = "--json", description = "print JSON instead of text")
    boolean json;

    @Option(names = "--csv", paramLabel = "FILE", description = "write every iteration's inputs and outputs as CSV")
    Path csv;

    @Option(names = "--report", paramLabel = "FILE.xlsx", description = "write an Excel report with charts")
    Path report;

    @Option(names = "--server", paramLabel = "URL", description = "run on this Carlo server (e.g. https://carlo.example.com) "
            + "with the API key in CARLO_API_KEY, instead of on this machine")
    String server;

    @Option(names = "--api-key", paramLabel = "KEY", defaultValue = "${env:CARLO_API_KEY}",
            description = "the API key for --server (default: the CARLO_API_KEY environment variable, which "
                    + "other users of this machine cannot see, unlike the command line)")
    String apiKey;

    @Spec
    CommandSpec spec;

    /** The environment variable that holds the API key for --server (a key on the command line would show in ps). */
    static final String API_KEY_VARIABLE = "CARLO_API_KEY";

    @Override
    public Integer call() throws IOException {
        PrintWriter err = spec.commandLine().getErr();
        // auto-stop needs plain Monte Carlo: use it unless the user asked for a sampling explicitly
        boolean samplingGiven = spec.commandLine().getParseResult().hasMatchedOption("--sampling");
        Sampling chosen = autoStop > 0 && !samplingGiven ? Sampling.MC : Sampling.parse(sampling);
        if (server != null) {
            return runOnServer(chosen, err);
        }
        long t0 = System.nanoTime();
        LinkedWorkbook loaded = LinkedWorkbook.load(file);
        long t1 = System.nanoTime();
        long runSeed = seed != null ? seed : new java.security.SecureRandom().nextLong() >>> 16;
        SimulationModel model;
        SimulationSettings settings;
        settings = new SimulationSettings(iterations, runSeed, chosen,
                threads != null ? threads : Runtime.getRuntime().availableProcessors(), 1024,
                new StatisticsOptions(0, 101, targets, List.of(0.95, 0.99), 50), autoStop);
        ModelBuilder builder = new ModelBuilder(loaded.evaluator());
        inputs.forEach(builder::input);
        outputs.forEach(builder::output);
        correlations.forEach(builder::correlate);
        builder.correlationMethod(correlationMethod);
        model = builder.build(runSeed);
        long t2 = System.nanoTime();
        List<DeterministicCheck.Difference> differences = DeterministicCheck.run(model);
        if (!differences.isEmpty()) {
            DeterministicCheck.Difference d = differences.get(0);
            err.printf("carlo: warning: the compiled model differs from the formula engine at %s %s (%s vs %s); "
                    + "please report it%n", d.cell(), d.formula(), d.plan(), d.scalar());
        }
        ProgressBar bar = new ProgressBar(err, System.console() != null && !json);
        Simulator.Samples samples = Simulator.run(model, settings, bar);
        bar.finish();
        SimulationResult result = ResultBuilder.build(file.getFileName().toString(), model, settings, samples,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        PrintWriter out = spec.commandLine().getOut();
        if (json) {
            out.println(Json.write(RunJson.of(result)));
        } else {
            RunText.print(result, out);
        }
        out.flush();
        if (csv != null) {
            try (Writer w = new BufferedWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                SamplesCsv.write(result, w);
            }
        }
        if (report != null) {
            try (OutputStream os = Files.newOutputStream(report)) {
                XlsxReport.write(result, os);
            }
        }
        return 0;
    }

    private int runOnServer(Sampling chosen, PrintWriter err) throws IOException {
        String key = apiKey;
        if (key == null || key.isBlank()) {
            err.println("carlo: --server needs an API key in the " + API_KEY_VARIABLE
                    + " environment variable (create one in the web UI under Settings, API keys)");
            return Carlo.EXIT_UNREADABLE;
        }
        if (threads != null) {
            err.println("carlo: --threads applies to runs on this machine; the server decides its own threads");
            return Carlo.EXIT_UNREADABLE;
        }
        if (!Files.isRegularFile(file)) {
            err.println("carlo: cannot read " + file + ": no such file");
            return Carlo.EXIT_UNREADABLE;
        }
        RemoteRun.Request request = new RemoteRun.Request(file, inputs, outputs, correlations, correlationMethod,
                iterations, seed, chosen.label(), targets, autoStop, json, csv, report);
        return RemoteRun.run(new ServerClient(server, key.strip()), request, spec.commandLine().getOut(), err,
                System.console() != null && !json);
    }

    /** A progress bar on stderr, shown only on a terminal and for runs longer than a second. */
    static final class ProgressBar implements Simulator.Listener {
        private final PrintWriter err;
        private final boolean enabled;
        private final long start = System.nanoTime();
        private volatile long lastPrint;
        private volatile boolean shown;

        ProgressBar(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        @Override
        public void progress(long done, long total) {
            if (!enabled) {
                return;
            }
            long now = System.nanoTime();
            if (now - start < 1_000_000_000L || now - lastPrint < 100_000_000L) {
                return;
            }
            synchronized (this) {
                lastPrint = now;
                shown = true;
                double seconds = (now - start) / 1e9;
                double rate = done / seconds;
                int width = 30;
                int filled = (int) (width * done / total);
                err.printf("\r[%s%s] %3d%%  %,d it/s  ETA %.0fs ", "#".repeat(filled), " ".repeat(width - filled),
                        100 * done / total, (long) rate, (total - done) / Math.max(rate, 1));
                err.flush();
            }
        }

        void finish() {
            if (shown) {
                err.print("\r" + " ".repeat(70) + "\r");
                err.flush();
            }
        }
    }

}
