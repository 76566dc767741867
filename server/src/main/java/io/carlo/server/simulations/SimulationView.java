package io.carlo.server.simulations;

import java.time.Instant;
import java.util.UUID;

/**
 * A simulation as the API shows it, and as each progress event carries it.
 *
 * @param progress where the run stands; for a finished run, how far it went
 * @param error    why it failed, in words that name the cell or the limit when the model is at fault
 */
public record SimulationView(UUID id, UUID workbookId, String name, String state, long iterations, long seed,
                             String sampling, Instant createdAt, Instant startedAt, Instant finishedAt,
                             Progress progress, String error, boolean cancelRequested, SimulationSpec spec) {

    /**
     * @param fraction   iterationsDone / iterations, 0..1
     * @param rate       iterations per second so far (null before the first measurement)
     * @param etaSeconds seconds left at that rate (null when unknown or finished)
     * @param phase      while running: starting, drawing, simulating, analyzing, saving
     */
    public record Progress(long iterationsDone, long iterations, double fraction, Double rate, Double etaSeconds,
                           String phase) {
    }

    public static SimulationView of(SimulationRecord s) {
        long done = s.state() == SimulationState.COMPLETED ? Math.max(s.iterationsDone(), 0) : s.iterationsDone();
        long total = s.state() == SimulationState.COMPLETED && done > 0 ? done : s.iterations();
        Double eta = s.state() == SimulationState.RUNNING && s.rate() != null && s.rate() > 0
                ? Math.max(0, (s.iterations() - done) / s.rate()) : null;
        double fraction = total == 0 ? 0 : Math.min(1.0, (double) done / total);
        return new SimulationView(s.id(), s.workbookId(), s.name(), s.state().label(), s.iterations(), s.seed(),
                s.sampling(), s.createdAt(), s.startedAt(), s.finishedAt(),
                new Progress(done, total, fraction, s.rate(), eta, s.phase()), s.error(), s.cancelRequested(), s.spec());
    }
}
