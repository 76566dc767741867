package io.carlo.engine.simulation;

import io.carlo.engine.plan.BlockState;
import io.carlo.engine.plan.Column;
import io.carlo.engine.plan.Plan;
import io.carlo.engine.sampling.Distribution;
import io.carlo.engine.sampling.RandomStreams;
import io.carlo.engine.sampling.StreamIds;
import io.carlo.engine.sampling.correlation.Copula;
import io.carlo.engine.sampling.correlation.CorrelationRepair;
import io.carlo.engine.sampling.correlation.GaussianCopula;
import io.carlo.engine.sampling.correlation.ImanConover;
import io.carlo.engine.sampling.correlation.RankCorrelation;
import io.carlo.engine.sampling.correlation.StudentCopula;
import io.carlo.engine.stats.AutoStop;
import io.carlo.engine.stats.RunningMoments;
import io.carlo.engine.value.BooleanValue;
import io.carlo.engine.value.NumberValue;
import io.carlo.engine.value.Scalar;
import io.carlo.engine.workbook.CellAddress;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs a compiled model: draws every input's samples (Monte Carlo or Latin hypercube, from
 * counter-based streams), then evaluates the plan over blocks of iterations on several threads.
 * Each iteration's values depend only on the seed, the inputs and the iteration number, so the
 * samples are bit-identical for any thread count and block size.
 */
public final class Simulator {

    /** Receives progress; may ask the run to stop. Called from worker threads. */
    public interface Listener {
        void progress(long done, long total);

        default boolean cancelled() {
            return false;
        }

        Listener NONE = (done, total) -> { };
    }

    /** The samples of a run: {@code inputs[i][iteration]} and {@code outputs[j][iteration]} (NaN for an Excel error). */
    public record Samples(long iterations, double[][] inputs, double[][] outputs, long simulateMillis,
                          SimulationResult.CorrelationReport correlation) {

        /** Shards of one run joined in iteration order: the whole run's samples. */
        public static Samples concat(List<Samples> shards) {
            if (shards.isEmpty()) {
                throw new IllegalArgumentException("no shards to join");
            }
            Samples head = shards.getFirst();
            long iterations = 0;
            long millis = 0;
            for (Samples s : shards) {
                iterations += s.iterations();
                millis = Math.max(millis, s.simulateMillis());
            }
            return new Samples(iterations, join(shards, Samples::inputs, head.inputs().length, iterations),
                    join(shards, Samples::outputs, head.outputs().length, iterations), millis, head.correlation());
        }

        private static double[][] join(List<Samples> shards, java.util.function.Function<Samples, double[][]> columns,
                                       int width, long iterations) {
            double[][] out = new double[width][Math.toIntExact(iterations)];
            int at = 0;
            for (Samples s : shards) {
                double[][] part = columns.apply(s);
                if (part.length != width) {
                    throw new IllegalArgumentException("shards of different models cannot be joined");
                }
                for (int k = 0; k < width; k++) {
                    System.arraycopy(part[k], 0, out[k], at, part[k].length);
                }
                at += Math.toIntExact(s.iterations());
            }
            return out;
        }
    }

    private Simulator() {
    }

    public static Samples run(SimulationModel model, SimulationSettings settings, Listener listener) {
        return run(model, settings, 0, settings.iterations(), listener);
    }

    /**
     * Runs only iterations {@code [first, first + count)} of the run {@code settings} describes: a
     * shard. Its samples are exactly that slice of the whole run's, bit for bit, so shards run
     * anywhere and joined in order with {@link Samples#concat} give the whole run's samples. Every
     * shard draws every input's samples for the whole run (Latin hypercube strata and Iman–Conover
     * reordering are properties of the whole sample), which costs little next to the model.
     */
    public static Samples run(SimulationModel model, SimulationSettings settings, long first, long count,
                              Listener listener) {
        if (first < 0 || count < 0 || first + count > settings.iterations()) {
            throw new IllegalArgumentException("iterations [" + first + ", " + (first + count) + ") are outside the run's "
                    + settings.iterations());
        }
        if ((first > 0 || count < settings.iterations()) && settings.autoStopRelativeTolerance() > 0) {
            throw new IllegalArgumentException("a run that stops itself when it converges cannot be split into shards");
        }
        long start = System.nanoTime();
        int n = Math.toIntExact(settings.iterations());
        int from = Math.toIntExact(first);
        int to = Math.toIntExact(first + count);
        List<InputDefinition> inputs = model.inputs();
        double[][] samples = new double[inputs.size()][];
        ExecutorService pool = Executors.newFixedThreadPool(settings.threads(), r -> {
            Thread t = new Thread(r, "carlo-worker");
            t.setDaemon(true);
            return t;
        });
        try {
            drawInputs(inputs, settings, n, samples, pool, drawnByCopula(model.correlation(), inputs.size()));
            SimulationResult.CorrelationReport correlation = correlate(model.correlation(), inputs, samples, settings.seed());
            double[][] outputs = evaluate(model, settings, from, to, samples, pool, listener);
            int ran = outputs.length == 0 ? to - from : outputs[0].length;
            // keep the inputs of the iterations run: this shard's, or those before an auto-stop
            for (int k = 0; k < samples.length; k++) {
                if (from > 0 || ran < n) {
                    samples[k] = Arrays.copyOfRange(samples[k], from, from + ran);
                }
            }
            return new Samples(ran, samples, outputs, (System.nanoTime() - start) / 1_000_000, correlation);
        } finally {
            pool.shutdownNow();
        }
    }

    /** The inputs a copula draws itself (their own streams would be drawn for nothing). */
    private static boolean[] drawnByCopula(InputCorrelation c, int inputs) {
        boolean[] out = new boolean[inputs];
        if (c != null && c.method() != InputCorrelation.Method.IMAN_CONOVER) {
            for (int i : c.inputs()) {
                out[i] = true;
            }
        }
        return out;
    }

    private static void drawInputs(List<InputDefinition> inputs, SimulationSettings settings, int n,
                                   double[][] samples, ExecutorService pool, boolean[] skip) {
        if (settings.sampling() == Sampling.SOBOL) {
            drawSobol(inputs, settings, n, samples);
            return;
        }
        List<Future<?>> jobs = new ArrayList<>();
        for (int k = 0; k < inputs.size(); k++) {
            int input = k;
            if (skip[input]) {
                samples[input] = new double[n];
                continue;
            }
            jobs.add(pool.submit(() -> {
                InputDefinition in = inputs.get(input);
                long stream = StreamIds.input(in.cell().sheet(), in.cell().row(), in.cell().col(),
                        Math.max(in.callOrdinal(), 0));
                samples[input] = draw(in.distribution(), settings, stream, n);
            }));
        }
        await(jobs);
    }

    /**
     * Induces the rank correlations: Iman–Conover reorders the correlated inputs' samples (their
     * values stay the same) over the whole run at once; a copula redraws them iteration by
     * iteration from correlated uniforms (plain Monte Carlo for those inputs). Either way the
     * result does not depend on threads or blocks.
     */
    private static SimulationResult.CorrelationReport correlate(InputCorrelation c, List<InputDefinition> inputs,
                                                                double[][] samples, long seed) {
        if (c == null) {
            return null;
        }
        double[][] columns = new double[c.inputs().length][];
        List<Distribution> distributions = new ArrayList<>();
        for (int i = 0; i < columns.length; i++) {
            columns[i] = samples[c.inputs()[i]];
            distributions.add(inputs.get(c.inputs()[i]).distribution());
        }
        if (c.method() == InputCorrelation.Method.IMAN_CONOVER) {
            CorrelationRepair repair = c.matrix().repair();
            double[][] achieved = ImanConover.reorder(columns, c.matrix(), seed);
            return repair.toReport(achieved);
        }
        Copula copula = c.method() == InputCorrelation.Method.GAUSSIAN_COPULA ? new GaussianCopula(c.matrix())
                : new StudentCopula(c.matrix(), c.degreesOfFreedom());
        int k = columns.length;
        int[] streams = new int[k];
        for (int i = 0; i < k; i++) {
            streams[i] = COPULA_STREAMS + i;
        }
        double[] u = new double[k];
        for (int it = 0; it < columns[0].length; it++) {
            copula.uniforms(seed, it, streams, u);
            for (int i = 0; i < k; i++) {
                columns[i][it] = distributions.get(i).inverseCdf(u[i]);
            }
        }
        return copula.repair().toReport(RankCorrelation.matrix(columns));
    }

    /**
     * Copula streams: far from every input's stream, whose low 32 bits hold a column below 2^14
     * and the distribution's position.
     */
    private static final int COPULA_STREAMS = 0x7FFF_0000;

    /** Sobol dimensions available (Joe and Kuo's direction numbers shipped with Commons Math). */
    static final int MAX_SOBOL_DIMENSIONS = 1000;

    /**
     * Randomized Sobol: point i of the sequence, shifted modulo 1 by a uniform vector drawn from the
     * inputs' streams. The sequence is generated in order once, so it does not depend on threads.
     */
    private static void drawSobol(List<InputDefinition> inputs, SimulationSettings settings, int n, double[][] samples) {
        int k = inputs.size();
        if (k == 0) {
            return;
        }
        if (k > MAX_SOBOL_DIMENSIONS) {
            throw new ModelException("Sobol sampling supports at most " + MAX_SOBOL_DIMENSIONS + " inputs, the model has " + k);
        }
        double[] shift = new double[k];
        for (int j = 0; j < k; j++) {
            InputDefinition in = inputs.get(j);
            long stream = StreamIds.input(in.cell().sheet(), in.cell().row(), in.cell().col(),
                    Math.max(in.callOrdinal(), 0));
            shift[j] = RandomStreams.uniform(settings.seed(), StreamIds.latinHypercube(stream), -1);
            samples[j] = new double[n];
        }
        org.apache.commons.math3.random.SobolSequenceGenerator sobol =
                new org.apache.commons.math3.random.SobolSequenceGenerator(Math.max(k, 1));
        for (int i = 0; i < n; i++) {
            double[] point = sobol.nextVector();
            for (int j = 0; j < k; j++) {
                double u = point[j] + shift[j];
                u = u >= 1 ? u - 1 : u;
                // the rotation can land exactly on 0: nudge into the open interval every inverse CDF accepts
                samples[j][i] = inputs.get(j).distribution().inverseCdf(u <= 0 ? 0x1.0p-53 : u);
            }
        }
    }

    /** One input's samples in iteration order. */
    static double[] draw(Distribution d, SimulationSettings settings, long stream, int n) {
        double[] out = new double[n];
        long seed = settings.seed();
        if (settings.sampling() == Sampling.LHS) {
            int[] strata = LatinHypercube.strata(seed, StreamIds.latinHypercube(stream), n);
            for (int i = 0; i < n; i++) {
                double u = (strata[i] + RandomStreams.uniform(seed, stream, i)) / n;
                out[i] = d.inverseCdf(u);
            }
        } else {
            for (int i = 0; i < n; i++) {
                out[i] = d.inverseCdf(RandomStreams.uniform(seed, stream, i));
            }
        }
        return out;
    }

    /** Evaluates iterations {@code [from, n)}; {@code out[j][i - from]} is output j's value in iteration i. */
    private static double[][] evaluate(SimulationModel model, SimulationSettings settings, int from, int n,
                                       double[][] samples, ExecutorService pool, Listener listener) {
        Plan plan = model.plan();
        List<OutputDefinition> outputs = model.outputs();
        double[][] out = new double[outputs.size()][n - from];
        int[] outputCells = new int[outputs.size()];
        for (int j = 0; j < outputs.size(); j++) {
            CellAddress a = outputs.get(j).cell();
            outputCells[j] = plan.indexOf(a);
            if (outputCells[j] < 0) {
                Arrays.fill(out[j], numeric(plan.constant(a)));
            }
        }
        int block = settings.blockSize();
        int lanes = plan.lanes(block);
        AutoStop autoStop = settings.autoStopRelativeTolerance() > 0
                ? AutoStop.relative(settings.autoStopRelativeTolerance()) : null;
        // with auto-stop the run goes in rounds checked in iteration order, so where it stops does not
        // depend on thread timing
        long round = autoStop == null ? n
                : Math.max(10_000L, (long) block * settings.threads() * 8) / block * block;
        RunningMoments[] moments = new RunningMoments[outputs.size()];
        Arrays.fill(moments, RunningMoments.EMPTY);
        ConcurrentLinkedQueue<BlockState> states = new ConcurrentLinkedQueue<>();
        AtomicLong done = new AtomicLong();
        long total = n - from;
        long start = from;
        long stoppedAt = n;
        while (start < n) {
            long end = Math.min(n, start + round);
            long roundStart = start;
            long blocks = (end - start + block - 1) / block;
            AtomicLong next = new AtomicLong();
            List<Future<?>> jobs = new ArrayList<>();
            for (int t = 0; t < settings.threads(); t++) {
                jobs.add(pool.submit(() -> {
                    BlockState state = states.poll();
                    if (state == null) {
                        state = plan.newState(lanes, Arrays.stream(outputCells).filter(c -> c >= 0).toArray());
                    }
                    long b;
                    while ((b = next.getAndIncrement()) < blocks && !listener.cancelled()) {
                        long first = roundStart + b * block;
                        int count = (int) Math.min(block, end - first);
                        // a block is evaluated in slices of the plan's width (results do not depend on it)
                        for (int at = 0; at < count; at += lanes) {
                            int slice = Math.min(lanes, count - at);
                            plan.evaluate(state, first + at, slice, samples);
                            for (int j = 0; j < outputCells.length; j++) {
                                if (outputCells[j] >= 0) {
                                    copyOutput(state.cell(outputCells[j]), out[j], (int) (first + at - from), slice);
                                }
                            }
                        }
                        listener.progress(done.addAndGet(count), total);
                    }
                    states.add(state);
                }));
            }
            await(jobs);
            if (listener.cancelled()) {
                throw new SimulationCancelledException();
            }
            if (autoStop != null) {
                boolean all = true;
                for (int j = 0; j < out.length; j++) {
                    moments[j] = moments[j].merge(RunningMoments.of(out[j], (int) start, (int) end));
                    all &= autoStop.reached(moments[j]);
                }
                if (all && end < n) {
                    stoppedAt = end;
                    break;
                }
            }
            start = end;
        }
        if (stoppedAt < n) {
            for (int j = 0; j < out.length; j++) {
                out[j] = Arrays.copyOf(out[j], (int) (stoppedAt - from));
            }
        }
        return out;
    }

    /** An output's value per iteration: numbers as they are, booleans as 1/0, text or errors as NaN. */
    private static void copyOutput(Column c, double[] dest, int first, int count) {
        System.arraycopy(c.num, 0, dest, first, count);
        if (c.obj != null) {
            for (int i = 0; i < count; i++) {
                if (c.obj[i] != null && !(c.obj[i] instanceof BooleanValue)) {
                    dest[first + i] = Double.NaN;
                }
            }
        }
    }

    private static double numeric(Scalar v) {
        return switch (v) {
            case NumberValue num -> num.value();
            case BooleanValue b -> b.value() ? 1 : 0;
            default -> Double.NaN;
        };
    }

    private static void await(List<Future<?>> jobs) {
        try {
            for (Future<?> f : jobs) {
                f.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationCancelledException();
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(cause);
        }
    }
}
