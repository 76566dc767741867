package io.carlo.server.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.ServerProcess;
import io.carlo.server.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two {@code carlo serve} processes — real JVMs — on one fresh PostgreSQL database, sharing its
 * file store, and a simulation of the 36-month start-up plan in progress on one of them: the
 * ground for tests of what happens when that one goes away. The processes' output is kept under
 * {@code target/process-logs} and printed when a test fails.
 */
@ExtendWith(TwoServerProcesses.PrintLogsOnFailure.class)
abstract class TwoServerProcesses {

    private static final String SHEET = "'WIZEMICE Likest'!";
    /**
     * About three seconds on two idle cores (75,000 iterations/s): long enough that the run is
     * still going when the test interrupts it (which it checks), short enough to run it twice more.
     */
    static final long ITERATIONS = 200_000;
    private static final long SEED = 4_242;
    /** Deadlines only: generous, because other builds may share the cores. */
    private static final Duration STARTUP = Duration.ofSeconds(180);
    static final Duration RUN = Duration.ofSeconds(180);
    private static final Pattern OWNER_PID = Pattern.compile(":(\\d+):[0-9a-f]{8}$");

    TestDatabase db;
    private final List<ServerProcess> processes = new ArrayList<>();

    /** A simulation created through {@link #first}, running on {@link #holder}; {@link #survivor} is the other process. */
    record Run(String id, ServerProcess holder, ServerProcess survivor, ApiClient holderApi, ApiClient survivorApi,
               Map<String, Object> spec) {
    }

    /** The simulation's row as the queue sees it (the API does not show who holds a run). */
    record Lease(String state, String owner, int attempts, long iterationsDone) {
    }

    @BeforeEach
    void createDatabase() {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
    }

    @AfterEach
    void stopProcesses() throws Exception {
        processes.forEach(ServerProcess::close);
        if (db != null) {
            db.close();
        }
    }

    /**
     * Starts two servers at once (both with workers, polling the queue every 200 ms), signs up
     * through the first, uploads the plan, creates a simulation through the first and waits until
     * it is simulating — less than half done, so that it is still running when the test acts.
     */
    Run simulationInProgress(Duration lease) {
        String[] settings = {"--carlo.workers.lease=" + lease.toMillis() + "ms", "--carlo.workers.poll-interval=200ms",
                "--carlo.simulations.progress-interval=200ms"};
        Path logs = Path.of("target", "process-logs", getClass().getSimpleName());
        ServerProcess first = track(ServerProcess.start("first", logs, db, settings));
        ServerProcess second = track(ServerProcess.start("second", logs, db, settings));
        first.awaitReady(STARTUP);
        second.awaitReady(STARTUP);

        String key = apiKey(first.client());
        ApiClient firstApi = first.client().withKey(key);
        ApiClient.Response upload = firstApi.upload("/api/v1/workbooks", TestWorkbooks.shared("startup-36-month-plan.xlsx"));
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        Map<String, Object> spec = spec(upload.json().path("id").asString());
        ApiClient.Response created = firstApi.post("/api/v1/simulations", spec);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        JsonNode running = await(firstApi, id, "simulating", s -> s.path("state").asString().equals("running")
                && s.path("progress").path("iterationsDone").asLong() > 0, RUN);
        assertThat(running.path("progress").path("iterationsDone").asLong())
                .as("the run must still have most of its way to go when the test interrupts it: raise ITERATIONS")
                .isLessThan(ITERATIONS / 2);
        // the first server was asked, so it usually runs it; when the second's poll came first, the roles swap
        ServerProcess holder = holderOf(id);
        ServerProcess survivor = holder == first ? second : first;
        ApiClient survivorApi = survivor.client().withKey(key);
        return new Run(id, holder, survivor, holder.client().withKey(key), survivorApi, spec);
    }

    /** Waits until the simulation matches, reading it through {@code api}; fails at the deadline with its last state. */
    static JsonNode await(ApiClient api, String id, String what, Predicate<JsonNode> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            ApiClient.Response r = api.get("/api/v1/simulations/" + id);
            assertThat(r.status()).as(r.toString()).isEqualTo(200);
            last = r.json();
            if (done.test(last)) {
                return last;
            }
            assertThat(last.path("state").asString()).as("simulation %s while waiting until %s: %s", id, what, last)
                    .isIn("queued", "running");
            pause(50);
        }
        throw new AssertionError("simulation " + id + " not " + what + " within " + timeout + "; last: " + last);
    }

    static JsonNode awaitCompleted(ApiClient api, String id) {
        return await(api, id, "completed", s -> s.path("state").asString().equals("completed"), RUN);
    }

    /** The same simulation again, from the start, on {@code api}'s server: what an uninterrupted run gives. */
    static JsonNode uninterruptedResults(ApiClient api, Map<String, Object> spec) {
        ApiClient.Response created = api.post("/api/v1/simulations", spec);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        awaitCompleted(api, id);
        return results(api, id);
    }

    static JsonNode results(ApiClient api, String id) {
        ApiClient.Response r = api.get("/api/v1/simulations/" + id + "/results");
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /**
     * The results without what may differ between two runs of the same simulation: its id, the
     * threads it ran on and how long it took. Everything else — every statistic, percentile,
     * histogram bin, sensitivity and convergence figure of every output and input — must match.
     */
    static JsonNode numbers(JsonNode results) {
        ObjectNode copy = (ObjectNode) results.deepCopy();
        copy.remove(List.of("simulationId", "threads", "timings"));
        return copy;
    }

    Lease lease(String id) {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement(
                     "select state, lease_owner, attempts, iterations_done from simulations where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).as("simulation %s in the database", id).isTrue();
                return new Lease(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    /** The process whose worker holds the simulation's lease (the owner's name carries its process id). */
    ServerProcess holderOf(String id) {
        Lease lease = lease(id);
        Matcher m = OWNER_PID.matcher(String.valueOf(lease.owner()));
        assertThat(m.find()).as("lease owner of a running simulation: %s", lease).isTrue();
        long pid = Long.parseLong(m.group(1));
        return processes.stream().filter(p -> p.pid() == pid).findFirst()
                .orElseThrow(() -> new AssertionError("no process of this test holds " + id + ": " + lease));
    }

    private ServerProcess track(ServerProcess process) {
        processes.add(process);
        return process;
    }

    private static String apiKey(ApiClient browser) {
        ApiClient.Response signUp = browser.post("/api/v1/auth/signup",
                Map.of("email", "ops@example.com", "password", "correct horse battery", "name", "Ops"));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        browser.get("/api/v1/me"); // sets the XSRF-TOKEN cookie
        ApiClient.Response key = browser.post("/api/v1/api-keys", Map.of("name", "failover", "role", "analyst"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        return key.json().path("secret").asString();
    }

    private static Map<String, Object> spec(String workbookId) {
        return Map.of("workbookId", workbookId, "name", "plan", "iterations", ITERATIONS, "seed", SEED,
                "sampling", "lhs",
                "inputs", List.of(Map.of("cell", SHEET + "F4", "distribution", "Triangular(0.05, 0.10, 0.15)"),
                        Map.of("cell", SHEET + "F5", "distribution", "Triangular(0.12, 0.15, 0.20)"),
                        Map.of("cell", SHEET + "F6", "distribution", "Triangular(0.05, 0.08, 0.10)"),
                        Map.of("cell", SHEET + "F7", "distribution", "Triangular(0.02, 0.03, 0.05)"),
                        Map.of("cell", SHEET + "F8", "distribution", "Triangular(30, 40, 100)")),
                "outputs", List.of(Map.of("cell", SHEET + "B12"), Map.of("cell", SHEET + "B13"),
                        Map.of("cell", SHEET + "B9")));
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }

    /** Shows what the servers said when a test fails: the log files stay under target/process-logs. */
    static final class PrintLogsOnFailure implements TestWatcher {
        @Override
        public void testFailed(ExtensionContext context, Throwable cause) {
            context.getTestInstance().filter(TwoServerProcesses.class::isInstance).map(TwoServerProcesses.class::cast)
                    .ifPresent(test -> test.processes.forEach(p -> System.err.println(
                            "==== " + p.name() + " (pid " + p.pid() + ", " + p.logFile().toAbsolutePath() + ") ====\n"
                                    + p.logTail(200))));
        }
    }
}
