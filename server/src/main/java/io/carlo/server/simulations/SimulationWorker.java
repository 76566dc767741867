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
import io.carlo.server.workbooks.WorkbookRecord;
import io.carlo.server.workbooks.Workbooks;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
    private final CarloProperties properties;
    private final SimulationMetrics metrics;
    private final Clock clock;
    private final String workerId;
    private final Semaphore wakeUp = new Semaphore(0);
    private final ConcurrentHashMap<UUID, ActiveRun> active = new ConcurrentHashMap<>();
    private final List<Thread> slots = new ArrayList<>();
    private ScheduledExecutorService heartbeats;
    private volatile boolean running;

    public SimulationWorker(JobQueue queue, Workbooks workbooks, WorkbookCache cache, ResultStore results,
                            CarloProperties properties, SimulationMetrics metrics, Clock clock) {
        this.queue = queue;
        this.workbooks = workbooks;
        this.cache = cache;
        this.results = results;
        this.properties = properties;
        this.metrics = metrics;
        this.clock = clock;
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
                    lastReap = System.nanoTime();
                }
                Optional<SimulationRecord> job = queue.claim(workerId);
                if (job.isPresent()) {
                    execute(job.get());
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

    private void execute(SimulationRecord sim) {
        if (sim.attempts() > 1) {
            metrics.leasesExpired(1);   // taken over from a worker that stopped renewing its lease
        } else {
            metrics.waited(Duration.between(sim.createdAt(), clock.instant()));
        }
        ActiveRun run = new ActiveRun(sim);
        active.put(sim.id(), run);
        if (!running) {
            // stop() came while this slot was claiming and did not see this run: hand it back too
            run.stop(Stop.SHUTDOWN);
        }
        ScheduledFuture<?> beat = heartbeats.scheduleWithFixedDelay(() -> heartbeat(run),
                properties.simulations().progressInterval().toMillis(),
                properties.simulations().progressInterval().toMillis(), TimeUnit.MILLISECONDS);
        MDC.put("simulation_id", sim.id().toString());
        try {
            log.info("simulation {} started (attempt {}, {} iterations)", sim.id(), sim.attempts(), sim.iterations());
            runAndStore(run);
        } catch (SimulationCancelledException e) {
            switch (run.stop) {
                case CANCELLED -> {
                    if (queue.cancelled(sim.id(), workerId)) {
                        run.outcome = "cancelled";
                    }
                }
                case SHUTDOWN -> {
                    if (queue.release(sim.id(), workerId)) {
                        metrics.released();
                    }
                }
                default -> log.info("simulation {} lost its lease; another worker has it", sim.id());
            }
            log.info("simulation {} stopped: {}", sim.id(), run.stop);
        } catch (ModelException | CircularReferenceException | DistributionException | WorkbookLoadException e) {
            fail(run, e.getMessage());
            log.info("simulation {} failed: {}", sim.id(), e.getMessage());
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
                metrics.finished(run.outcome, Duration.ofNanos(System.nanoTime() - run.claimed));
            }
            active.remove(sim.id());
            MDC.remove("simulation_id");
        }
    }

    private void fail(ActiveRun run, String error) {
        if (queue.fail(run.sim.id(), workerId, error)) {
            run.outcome = "failed";
        }
    }

    /** Adds the iterations done since the last count to the iterations counter (its rate is iterations/s). */
    private void countIterations(ActiveRun run) {
        long done = run.done.get();
        metrics.iterations(done - run.counted.getAndSet(done));
    }

    private void runAndStore(ActiveRun run) {
        SimulationRecord sim = run.sim;
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
        run.phase = "simulating";
        run.simulateStart = System.nanoTime();
        Simulator.Samples samples = Simulator.run(model, settings, run);
        run.done.set(samples.iterations());
        run.phase = "analyzing";
        SimulationResult result = ResultBuilder.build(workbook.name(), model, settings, samples,
                (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000);
        run.phase = "saving";
        ResultStore.Prepared prepared = results.prepare(sim, result, settings.statistics());
        Double rate = run.rate();
        if (queue.complete(sim.id(), workerId, samples.iterations(), rate, () -> results.insert(prepared))) {
            run.outcome = "completed";
            log.info("simulation {} completed: {} iterations in {} ms", sim.id(), samples.iterations(),
                    samples.simulateMillis());
        } else {
            results.discard(prepared);
            log.info("simulation {} finished after its lease was lost; its results were dropped", sim.id());
        }
    }

    private void heartbeat(ActiveRun run) {
        countIterations(run);
        try {
            JobQueue.Heartbeat hb = queue.heartbeat(run.sim.id(), workerId, run.done.get(), run.rate(), run.phase);
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
        final AtomicLong done = new AtomicLong();
        final AtomicLong counted = new AtomicLong();
        final long claimed = System.nanoTime();
        volatile String outcome;
        volatile String phase = "drawing";
        volatile long simulateStart;
        volatile Stop stop = Stop.NONE;

        ActiveRun(SimulationRecord sim) {
            this.sim = sim;
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
