package io.carlo.server.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two {@code carlo serve} processes on one PostgreSQL: a simulation running on one is finished by
 * the other when the first is killed with SIGKILL mid-run, with the same results as an
 * uninterrupted run with the same seed.
 */
class ProcessFailoverTest extends TwoServerProcesses {

    /** Short, so that the takeover comes soon after the kill. */
    private static final Duration LEASE = Duration.ofSeconds(3);

    @Test
    void aRunWhoseServerIsKilledIsFinishedByTheOtherWithTheSameResults() {
        Run run = simulationInProgress(LEASE);

        run.holder().kill();
        Lease orphaned = lease(run.id());
        assertThat(orphaned.state()).as("the run must still be running when its server dies: raise ITERATIONS; %s",
                orphaned).isEqualTo("RUNNING");
        assertThat(orphaned.attempts()).isEqualTo(1);

        JsonNode done = awaitCompleted(run.survivorApi(), run.id());
        assertThat(done.path("progress").path("iterationsDone").asLong()).isEqualTo(ITERATIONS);
        Lease finished = lease(run.id());
        assertThat(finished.attempts()).as("started by the killed server, then by the survivor").isEqualTo(2);
        assertThat(finished.owner()).isNull();
        assertThat(run.holder().log()).contains("simulation " + run.id() + " started (attempt 1");
        assertThat(run.survivor().log()).contains("simulation " + run.id() + " started (attempt 2")
                .contains("simulation " + run.id() + " completed");

        JsonNode results = TwoServerProcesses.results(run.survivorApi(), run.id());
        assertThat(results.path("iterations").asLong()).isEqualTo(ITERATIONS);
        assertThat(results.path("outputs").size()).isEqualTo(3);
        JsonNode reference = uninterruptedResults(run.survivorApi(), run.spec());
        assertThat(numbers(results)).isEqualTo(numbers(reference));
    }
}
