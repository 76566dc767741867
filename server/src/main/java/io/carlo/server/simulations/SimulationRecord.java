package io.carlo.server.simulations;

import java.time.Instant;
import java.util.UUID;

/**
 * A simulation's row: what was asked, where it stands, and (while running) who holds it.
 *
 * @param iterationsDone iterations evaluated so far (all of them once completed)
 * @param rate           iterations per second of the run so far
 * @param phase          while running: drawing, simulating, analyzing or saving
 * @param leaseOwner     the worker running it; its lease ends at {@code leaseExpiresAt} unless renewed
 */
public record SimulationRecord(UUID id, UUID organizationId, UUID workbookId, UUID createdBy, String name,
                               SimulationState state, SimulationSpec spec, long iterations, long seed, String sampling,
                               Instant createdAt, Instant startedAt, Instant finishedAt, long iterationsDone,
                               Double rate, String phase, String error, boolean cancelRequested, String leaseOwner,
                               Instant leaseExpiresAt, int attempts) {
}
