package io.carlo.server.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.testing.ApiClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Two {@code carlo serve} processes on one PostgreSQL: a server stopped with SIGTERM (a deploy, a
 * scale-down) hands its running simulation back to the queue as it stops, and the other server
 * takes it over at once and finishes it, with the same results as an uninterrupted run. A client
 * following the progress on the stopping server sees its stream end (rather than hang until the
 * web server gives up waiting) and follows it on the other server to the end.
 */
class GracefulShutdownTest extends TwoServerProcesses {

    /**
     * Far longer than the test may take: had the stopping server kept its lease, nobody could take
     * the run over before the test's deadline; the handover can only come from its release.
     */
    private static final Duration LEASE = Duration.ofMinutes(30);

    @Test
    void aServerStoppedWithSigtermHandsItsRunToTheOtherAtOnce() throws Exception {
        Run run = simulationInProgress(LEASE);
        String events = "/api/v1/simulations/" + run.id() + "/events";
        ApiClient.EventStream watching = run.holderApi().follow(events, Duration.ofMinutes(5));
        assertThat(watching.first().get(60, TimeUnit.SECONDS).path("state").asString()).isEqualTo("running");

        run.holder().terminate(Duration.ofSeconds(90));

        String holderLog = run.holder().log();
        assertThat(holderLog.contains("simulation " + run.id() + " stopped: SHUTDOWN"))
                .as("the stopping server stopped the run (log: %s)", run.holder().logFile()).isTrue();
        assertThat(holderLog.contains("Graceful shutdown complete") && !holderLog.contains("Graceful shutdown aborted"))
                .as("the web server's graceful shutdown was not held up by the open stream (log: %s)",
                        run.holder().logFile()).isTrue();
        List<JsonNode> seen = watching.all().get(30, TimeUnit.SECONDS); // ended by the server, not broken off
        assertThat(seen.getLast().path("state").asString()).as("the stream ended with the server, before the run")
                .isIn("queued", "running");
        Lease handedBack = lease(run.id());
        assertThat(handedBack.owner()).as("the stopped server let go of the run: %s", handedBack)
                .satisfiesAnyOf(owner -> assertThat(owner).isNull(),
                        owner -> assertThat(owner).doesNotContain(":" + run.holder().pid() + ":"));

        List<JsonNode> resumed = run.survivorApi().events(events, RUN);
        JsonNode done = resumed.getLast();
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("progress").path("iterationsDone").asLong()).isEqualTo(ITERATIONS);
        Lease finished = lease(run.id());
        assertThat(finished.attempts()).as("a run handed back does not count as a failed attempt").isEqualTo(1);
        assertThat(run.survivor().log()).contains("simulation " + run.id() + " started (attempt 1")
                .contains("simulation " + run.id() + " completed");

        JsonNode results = TwoServerProcesses.results(run.survivorApi(), run.id());
        assertThat(results.path("iterations").asLong()).isEqualTo(ITERATIONS);
        JsonNode reference = uninterruptedResults(run.survivorApi(), run.spec());
        assertThat(numbers(results)).isEqualTo(numbers(reference));
    }
}
