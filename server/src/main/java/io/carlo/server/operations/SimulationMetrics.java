package io.carlo.server.operations;

import io.carlo.server.simulations.JobQueue;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.springframework.stereotype.Component;

/**
 * The simulation service's own meters, exported at {@code /actuator/prometheus} with the JVM,
 * connection-pool and HTTP meters Spring Boot records. Names are Micrometer's (dots); Prometheus
 * sees them with underscores and unit suffixes ({@code carlo.queue.wait} →
 * {@code carlo_queue_wait_seconds_bucket}). deploy/monitoring's dashboards and alerts use exactly
 * these, and {@code MonitoringConsistencyTest} checks that every metric they query exists.
 */
@Component
public class SimulationMetrics {

    private final MeterRegistry registry;
    private final Timer queueWait;
    private final Counter iterations;
    private final Counter leasesExpired;
    private final Counter released;

    public SimulationMetrics(MeterRegistry registry, JobQueue queue) {
        this.registry = registry;
        // every instance reports the same shared queue: dashboards take max() across instances
        Gauge.builder("carlo.queue.depth", queue, JobQueue::depth)
                .description("Simulations waiting in the queue, all organizations and instances together")
                .register(registry);
        this.queueWait = Timer.builder("carlo.queue.wait")
                .description("Time from a simulation's creation to its first start")
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(1))
                .register(registry);
        this.iterations = Counter.builder("carlo.simulations.iterations")
                .description("Iterations evaluated by this instance's workers").register(registry);
        this.leasesExpired = Counter.builder("carlo.leases.expired")
                .description("Runs whose worker stopped renewing its lease (crashed or paused instance)")
                .register(registry);
        this.released = Counter.builder("carlo.simulations.released")
                .description("Runs handed back to the queue by an instance shutting down").register(registry);
        for (String outcome : new String[] {"completed", "failed", "cancelled"}) {
            finishedCounter(outcome);
            durationTimer(outcome);
        }
    }

    /** The worker slots of this instance and how many are busy: utilisation is busy / slots. */
    public void workers(int slots, IntSupplier busy) {
        Gauge.builder("carlo.workers.slots", () -> slots).description("Simulation worker slots of this instance")
                .register(registry);
        Gauge.builder("carlo.workers.busy", busy::getAsInt).description("Worker slots running a simulation now")
                .register(registry);
    }

    /** Open progress streams (Server-Sent Events) on this instance. */
    public void progressStreams(IntSupplier open) {
        Gauge.builder("carlo.sse.connections", open::getAsInt)
                .description("Open progress streams (Server-Sent Events) on this instance").register(registry);
    }

    /** Time a simulation spent queued before it started (its first attempt). */
    public void waited(Duration wait) {
        queueWait.record(wait.isNegative() ? Duration.ZERO : wait);
    }

    public void iterations(long count) {
        if (count > 0) {
            iterations.increment(count);
        }
    }

    public void leasesExpired(int count) {
        if (count > 0) {
            leasesExpired.increment(count);
        }
    }

    public void released() {
        released.increment();
    }

    /** A run that ended here: {@code outcome} is completed, failed or cancelled. */
    public void finished(String outcome, Duration duration) {
        finishedCounter(outcome).increment();
        durationTimer(outcome).record(duration);
    }

    private Timer durationTimer(String outcome) {
        return Timer.builder("carlo.simulations.duration").description("Wall-clock time of a run, claim to end")
                .tag("outcome", outcome).publishPercentileHistogram().maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
    }

    private Counter finishedCounter(String outcome) {
        return Counter.builder("carlo.simulations.finished").description("Runs ended by this instance, by outcome")
                .tag("outcome", outcome).register(registry);
    }
}
