package io.carlo.server.simulations;

import io.carlo.engine.eval.CircularReferenceException;
import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.simulation.DeterministicCheck;
import io.carlo.engine.simulation.ModelException;
import io.carlo.engine.simulation.ResultBuilder;
import io.carlo.engine.simulation.SimulationCancelledException;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.workbook.WorkbookLoadException;
import io.carlo.server.CarloProperties;
import io.carlo.server.operations.SimulationMetrics;
import io.carlo.server.workbooks.WorkbookCache;
import io.carlo.server.workbooks.WorkbookParser;
import io.carlo.server.workbooks.WorkbookRecord;
import io.carlo.server.workbooks.Workbooks;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * This instance's simulation workers: {@code carlo.workers.slots} threads, each claiming a
 * simulation from the {@link JobQueue}, running it with the engine on all cores, and storing its
 * results. While a run goes on, a heartbeat renews its lease and publishes its progress; it also
 * stops the run when a user cancels it, when the lease was lost, or when the instance shuts down
 * (the run then goes back to the queue for another instance).
 */
@Component
public class SimulationWorker implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SimulationWorker.class);

    /** Why a run stops early. */
    private enum Stop { NONE, CANCELLED, LEASE_LOST, SHUTDOWN }

    private final JobQueue queue;
    private final Workbooks workbooks;
    private final WorkbookCache cache;
    private final ResultStore results;
    private final Shards shards;
    private final CarloProperties properties;
    private final SimulationMetrics metrics;
    private final Clock clock;
    private final Tracer tracer;
    private final String workerId;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentHashMap<String, ActiveRun> active = new ConcurrentHashMap<>();
    private final List<Thread> slots = new ArrayList<>();
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    public SimulationWorker(JobQueue queue, Shards shards, Workbooks workbooks, WorkbookCache cache,
                            ResultStore results, CarloProperties properties, SimulationMetrics metrics, Clock clock,
                            ObjectProvider<Tracer> tracer) {
        this.queue = queue;
        this.shards = shards;
        this.workbooks = workbooks;
        this.cache = cache;
        this.results = results;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
        this.tracer = tracer.getIfAvailable(() -> Tracer.NOOP);   // no tracer unless tracing is enabled
        metrics.workers(properties.workers().enabled() ? properties.workers().slots() : 0, active::size);
        this.workerId = hostName() + ":" + ManagementFactory.getRuntimeMXBean().getPid() + ":"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    /** This worker's name in the simulations' lease_owner column. */
    public String id() {
        return workerId;
    }

    /** Ends an idle slot's wait at once: a simulation was just queued on this instance. */
    public void wake() {
        wakeUp.release(Math.max(1, properties.workers().slots()));
    }

    /** Simulations running on this instance now. */
    public int activeRuns() {
        return active.size();
    }

    @Override
    public void start() {
        if (!properties.workers().enabled()) {
            log.info("simulation workers disabled on this instance");
            running = true;
            return;
        }
        running = true;
        heartbeats = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "carlo-heartbeat"));
        for (int i = 0; i < properties.workers().slots(); i++) {
            Thread t = daemon(this::loop, "carlo-worker-" + (i + 1));
            slots.add(t);
            t.start();
        }
        log.info("{} simulation worker slot(s) started as {}", properties.workers().slots(), workerId);
    }

    @Override
    public void stop() {
        running = false;
        for (ActiveRun run : active.values()) {
            run.stop(Stop.SHUTDOWN);
        }
        wakeUp.release(slots.size() + 1);
        for (Thread t : slots) {
            try {
                t.join(TimeUnit.SECONDS.toMillis(20));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        slots.clear();
        if (heartbeats != null) {
            heartbeats.shutdownNow();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    /** Stops before the web server and the database pool do, so that leases are handed back while both still work. */
    @Override
    public int getPhase() {
        return Integer.MAX_VALUE - 100;
    }

    private void loop() {
        long lastReap = 0;
        while (running) {
            try {
                if (System.nanoTime() - lastReap > properties.workers().lease().toNanos() / 2) {
                    metrics.leasesExpired(queue.reap());
                    results.deleteBlobs(shards.reap(clock.instant()));
                    lastReap = System.nanoTime();
                }
                Optional<Work> job = queue.claimWork(workerId);
                if (job.isPresent()) {
                    execute(job.get(), false);
                } else {
                    wakeUp.tryAcquire(properties.workers().pollInterval().toMillis(), TimeUnit.MILLISECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database may be briefly unreachable: wait and try again rather than lose the slot
                log.warn("worker loop: {}", e.toString());
                sleep(properties.workers().pollInterval().toMillis() * 4);
            }
        }
    }

    /**
     * Runs a claimed simulation or shard, under a heartbeat, and records how it ended. After the
     * last shard of a split simulation, the same worker goes on to merge the shards ({@code merging}).
     */
    private void execute(Work work, boolean merging) {
        // one span per run, shard or merge: a trace shows the work of a simulation across instances
        Span span = tracer.nextSpan().name(merging ? "simulation merge" : work.whole() ? "simulation run" : "simulation shard")
                .tag("carlo.simulation.id", work.simulation().id().toString());
        if (!work.whole()) {
            span.tag("carlo.shard.index", String.valueOf(work.shard().index()));
        }
        boolean mergeNext;
        try (Tracer.SpanInScope scope = tracer.withSpan(span.start())) {
            mergeNext = run(work, merging);
        } finally {
            span.end();
        }
        if (mergeNext) {
            execute(new Work(work.simulation(), null), true);
        }
    }

    /** Runs the work; answers whether this worker should go on to merge the shards. */
    private boolean run(Work work, boolean merging) {
        SimulationRecord sim = work.simulation();
        int attempts = work.whole() ? sim.attempts() : work.shard().attempts();
        if (!merging && attempts > 1) {
            metrics.leasesExpired(1);   // taken over from a worker that stopped renewing its lease
        } else if (!merging && sim.attempts() == 1 && (work.whole() || work.shard().index() == 0)) {
            metrics.waited(Duration.between(sim.createdAt(), clock.instant()));
        }
        ActiveRun run = new ActiveRun(sim, work.shard());
        active.put(run.key(), run);
        if (!running) {
            // stop() came while this slot was claiming and did not see this run: hand it back too
            run.stop(Stop.SHUTDOWN);
        }
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(() -> heartbeat(run),
                properties.simulations().progressInterval().toMillis(),
                properties.simulations().progressInterval().toMillis(), TimeUnit.MILLISECONDS);
        MDC.put("simulation_id", sim.id().toString());
        boolean mergeNext = false;
        try {
            if (work.whole()) {
                log.info("simulation {} started (attempt {}, {} iterations)", sim.id(), sim.attempts(), sim.iterations());
                runAndStore(run);
            } else {
                log.info("simulation {} shard {} started (attempt {}, iterations {} to {})", sim.id(),
                        work.shard().index(), attempts, work.shard().firstIteration(),
                        work.shard().firstIteration() + work.shard().iterations());
                mergeNext = runShard(run);
            }
        } catch (SimulationCancelledException e) {
            switch (run.stop) {
                case CANCELLED -> {
                    boolean ended = run.shard == null ? queue.cancelled(sim.id(), workerId) : endSplit(run, "CANCELLED", null);
                    if (ended) {
                        run.outcome = "cancelled";
                    }
                }
                case SHUTDOWN -> {
                    boolean released = run.shard == null ? queue.release(sim.id(), workerId)
                            : shards.release(sim.id(), run.shard.index(), workerId);
                    if (released) {
                        metrics.released();
                    }
                }
                default -> log.info("simulation {} lost its lease; another worker has it", sim.id());
            }
            log.info("simulation {} stopped: {}", sim.id(), run.stop);
        } catch (ModelException | CircularReferenceException | DistributionException | WorkbookLoadException e) {
            fail(run, e.getMessage());
            log.info("simulation {} failed: {}", sim.id(), e.getMessage());
        } catch (WorkbookParser.Busy e) {
            fail(run, "the server was too busy reading other workbooks to load this one; start the simulation again");
            log.warn("simulation {} failed: no parser place within the parse timeout", sim.id());
        } catch (OutOfMemoryError e) {
            fail(run, "the run needs more memory than this server has: try fewer iterations or outputs");
            log.warn("simulation {} ran out of memory", sim.id());
        } catch (RuntimeException e) {
            String ref = UUID.randomUUID().toString().substring(0, 8);
            log.error("simulation {} failed with internal error {}", sim.id(), ref, e);
            fail(run, "internal error (id " + ref + "); please report it");
        } finally {
            beat.cancel(false);
            countIterations(run);
            if (run.outcome != null) {
                metrics.finished(run.outcome, sim.startedAt() == null ? Duration.ofNanos(System.nanoTime() - run.claimed)
                        : Duration.between(sim.startedAt(), clock.instant()));
            }
            active.remove(run.key());
            MDC.remove("simulation_id");
        }
        return mergeNext;
    }

    private void fail(ActiveRun run, String error) {
        boolean ended = run.shard == null ? queue.fail(run.sim.id(), workerId, error) : endSplit(run, "FAILED", error);
        if (ended) {
            run.outcome = "failed";
        }
    }

    /** Ends a split simulation from one of its shards; the other shards' workers stop at their next heartbeat. */
    private boolean endSplit(ActiveRun run, String state, String error) {
        Optional<List<String>> blobs = shards.end(run.sim.id(), state, error, clock.instant());
        blobs.ifPresent(results::deleteBlobs);
        return blobs.isPresent();
    }

    /** Adds the iterations done since the last count to the iterations counter (its rate is iterations/s). */
    private void countIterations(ActiveRun run) {
        long done = run.done.get();
        metrics.iterations(done - run.counted.getAndSet(done));
    }

    /** A simulation's workbook, model and settings, ready to run. */
    private record Loaded(WorkbookRecord workbook, SimulationModel model, SimulationSettings settings, long loadMillis,
                          long compileMillis) {
    }

    private Loaded load(SimulationRecord sim) {
        long t0 = System.nanoTime();
        WorkbookRecord workbook = workbooks.find(sim.organizationId(), sim.workbookId())
                .orElseThrow(() -> new ModelException("the workbook of this simulation was deleted"));
        LinkedWorkbook linked = cache.get(workbook);
        long t1 = System.nanoTime();
        SimulationModel model = ModelFactory.model(linked, sim.spec());
        long t2 = System.nanoTime();
        List<DeterministicCheck.Difference> differences = DeterministicCheck.run(model);
        if (!differences.isEmpty()) {
            DeterministicCheck.Difference d = differences.getFirst();
            log.warn("compiled model differs from the formula engine at {} {} ({} vs {})", d.cell(), d.formula(),
                    d.plan(), d.scalar());
        }
        SimulationSettings settings = ModelFactory.settings(sim.spec(), properties.workers().threadsPerRun());
        return new Loaded(workbook, model, settings, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
    }

    private void runAndStore(ActiveRun run) {
        Loaded loaded = load(run.sim);
        List<Shards.Row> split = shards.of(run.sim.id());
        if (!split.isEmpty()) {
            merge(run, loaded, split);
            return;
        }
        run.phase = "simulating";
        run.simulateStart = System.nanoTime();
        Simulator.Samples samples = Simulator.run(loaded.model(), loaded.settings(), run);
        store(run, loaded, samples);
    }

    /** Runs one shard and keeps its samples; true when it was the last and this worker is to merge them. */
    private boolean runShard(ActiveRun run) {
        Loaded loaded = load(run.sim);
        Work.Shard shard = run.shard;
        run.phase = "simulating";
        run.simulateStart = System.nanoTime();
        Simulator.Samples part = Simulator.run(loaded.model(), loaded.settings(), shard.firstIteration(),
                shard.iterations(), run);
        run.done.set(part.iterations());
        String blob = results.writeShard(run.sim, shard, part.inputs(), part.outputs());
        if (!shards.complete(run.sim.id(), shard.index(), workerId, blob)) {
            results.deleteBlobs(List.of(blob));
            log.info("simulation {} shard {} finished after its lease was lost; dropped", run.sim.id(), shard.index());
            return false;
        }
        log.info("simulation {} shard {} completed in {} ms", run.sim.id(), shard.index(), part.simulateMillis());
        return shards.takeMerge(run.sim.id(), workerId, clock.instant());
    }

    /** Joins the shards' samples in iteration order: the same samples, and so results, as one worker's run. */
    private void merge(ActiveRun run, Loaded loaded, List<Shards.Row> split) {
        run.phase = "merging";
        // the correlation report describes the whole run's inputs: every shard drew them, none kept it
        SimulationResult.CorrelationReport correlation = Simulator.run(loaded.model(), loaded.settings(), 0, 0,
                Simulator.Listener.NONE).correlation();
        long millis = run.sim.startedAt() == null ? 0 : Duration.between(run.sim.startedAt(), clock.instant()).toMillis();
        int inputs = loaded.model().inputs().size();
        List<Simulator.Samples> parts = new ArrayList<>();
        for (Shards.Row row : split) {
            if (!row.completed()) {
                throw new IllegalStateException("shard " + row.index() + " of simulation " + run.sim.id()
                        + " is not completed");
            }
            double[][] columns = results.readShard(row.samplesBlob());
            parts.add(new Simulator.Samples(row.iterations(), Arrays.copyOfRange(columns, 0, inputs),
                    Arrays.copyOfRange(columns, inputs, columns.length), millis, correlation));
        }
        Simulator.Samples merged = Simulator.Samples.concat(parts);
        if (store(run, loaded, merged)) {
            results.deleteBlobs(shards.clear(run.sim.id()));
        }
    }

    /** Builds the results and stores them with the simulation's completion; false when the lease was lost. */
    private boolean store(ActiveRun run, Loaded loaded, Simulator.Samples samples) {
        SimulationRecord sim = run.sim;
        run.done.set(samples.iterations());
        run.phase = "analyzing";
        SimulationResult result = ResultBuilder.build(loaded.workbook().name(), loaded.model(), loaded.settings(),
                samples, loaded.loadMillis(), loaded.compileMillis());
        run.phase = "saving";
        ResultStore.Prepared prepared = results.prepare(sim, result, loaded.settings().statistics());
        Double rate = run.rate();
        if (queue.complete(sim.id(), workerId, samples.iterations(), rate, () -> results.insert(prepared))) {
            run.outcome = "completed";
            log.info("simulation {} completed: {} iterations in {} ms", sim.id(), samples.iterations(),
                    samples.simulateMillis());
            return true;
        }
        results.discard(prepared);
        log.info("simulation {} finished after its lease was lost; its results were dropped", sim.id());
        return false;
    }

    private void heartbeat(ActiveRun run) {
        countIterations(run);
        try {
            JobQueue.Heartbeat hb = run.shard == null
                    ? queue.heartbeat(run.sim.id(), workerId, run.done.get(), run.rate(), run.phase)
                    : shards.heartbeat(run.sim.id(), run.shard.index(), workerId, clock.instant(), run.done.get(),
                            run.rate());
            if (!hb.owned()) {
                run.stop(Stop.LEASE_LOST);
            } else if (hb.cancelRequested()) {
                run.stop(Stop.CANCELLED);
            }
        } catch (RuntimeException e) {
            // a missed heartbeat is survivable: the lease lasts three of them
            log.warn("heartbeat of simulation {}: {}", run.sim.id(), e.toString());
        }
    }

    /** A run in progress on this instance; the engine reports progress to it and asks it whether to stop. */
    private static final class ActiveRun implements Simulator.Listener {
        final SimulationRecord sim;
        final Work.Shard shard;
        final AtomicLong done = new AtomicLong();
        final AtomicLong counted = new AtomicLong();
        final long claimed = System.nanoTime();
        volatile String outcome;
        volatile String phase = "drawing";
        volatile long simulateStart;
        volatile Stop stop = Stop.NONE;

        ActiveRun(SimulationRecord sim, Work.Shard shard) {
            this.sim = sim;
            this.shard = shard;
        }

        String key() {
            return shard == null ? sim.id().toString() : sim.id() + "#" + shard.index();
        }

        void stop(Stop reason) {
            if (stop == Stop.NONE) {
                stop = reason;
            }
        }

        Double rate() {
            long start = simulateStart;
            long n = done.get();
            if (start == 0 || n == 0) {
                return null;
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return seconds > 0 ? n / seconds : null;
        }

        @Override
        public void progress(long iterations, long total) {
            done.accumulateAndGet(iterations, Math::max);
        }

        @Override
        public boolean cancelled() {
            return stop != Stop.NONE;
        }
    }

    private static Thread daemon(Runnable r, String name) {
        Thread t = new Thread(r, name);
        t.setDaemon(true);
        return t;
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "localhost";
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
