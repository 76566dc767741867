package io.carlo.server.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.simulation.ResultBuilder;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.ServerProcess;
import io.carlo.server.testing.TestDatabase;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Three {@code carlo serve} processes on one PostgreSQL run one simulation split into shards; one
 * of them is killed with SIGKILL while it runs a shard (once at least two run shards at once). The others take its shard over when the
 * lease expires, and the merged results are exactly those of a single uninterrupted run (computed
 * here with the engine, with the same seed).
 */
class ShardedFailoverTest {

    private static final String SHEET = "'WIZEMICE Likest'!";
    /** 12 shards of a few seconds each (the start-up plan runs at about 10^5 iterations/s a core). */
    private static final long ITERATIONS = 1_200_000;
    private static final long SHARD = 100_000;
    private static final Duration STARTUP = Duration.ofSeconds(240);
    private static final Duration RUN = Duration.ofSeconds(240);
    private static final Pattern OWNER_PID = Pattern.compile(":(\\d+):[0-9a-f]{8}$");

    private TestDatabase db;
    private final List<ServerProcess> processes = new ArrayList<>();

    /** A shard as the queue sees it. */
    private record ShardRow(int index, String state, String owner, int attempts, long done) {
    }

    @AfterEach
    void stop() throws Exception {
        processes.forEach(ServerProcess::close);
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aShardedRunSurvivesTheLossOfAnInstanceWithTheSameNumbers() throws Exception {
        db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
        String[] settings = {"--carlo.workers.lease=3s", "--carlo.workers.poll-interval=200ms",
                "--carlo.workers.threads=1", "--carlo.simulations.progress-interval=200ms",
                "--carlo.simulations.shard-iterations=" + SHARD};
        Path logs = Path.of("target", "process-logs", getClass().getSimpleName());
        for (String name : List.of("first", "second", "third")) {
            processes.add(ServerProcess.start(name, logs, db, settings));
        }
        try {
            processes.forEach(p -> p.awaitReady(STARTUP));
            run();
        } catch (AssertionError | RuntimeException e) {
            processes.forEach(p -> System.err.println("==== " + p.name() + " (pid " + p.pid() + ") ====\n"
                    + p.logTail(150)));
            throw e;
        }
    }

    private void run() throws Exception {
        ApiClient api = processes.getFirst().client().signUp("shards@example.com", "Shards").newKey("analyst");
        String key = api.apiKey();
        String workbook = api.upload("/api/v1/workbooks", TestWorkbooks.shared("startup-36-month-plan.xlsx")).json()
                .path("id").asString();
        SimulationSpec spec = new SimulationSpec(UUID.fromString(workbook), "sharded", List.of(
                new SimulationSpec.Input(SHEET + "F4", "Triangular(0.05,0.10,0.15)"),
                new SimulationSpec.Input(SHEET + "F5", "Triangular(0.12,0.15,0.20)"),
                new SimulationSpec.Input(SHEET + "F8", "Triangular(30,40,100)")),
                List.of(new SimulationSpec.Output(SHEET + "B12"), new SimulationSpec.Output(SHEET + "B9")),
                ITERATIONS, 17L, "lhs", List.of(new SimulationSpec.Correlation(SHEET + "F4", SHEET + "F5", 0.5)),
                "iman-conover", List.of(), null);
        ApiClient.Response created = api.post("/api/v1/simulations", spec);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        // wait until at least two instances run shards of it at once, then kill one of them mid-shard
        ServerProcess victim = null;
        int victimShard = -1;
        long deadline = System.nanoTime() + RUN.toNanos();
        while (victim == null) {
            assertThat(System.nanoTime()).as("two instances never ran shards at once").isLessThan(deadline);
            List<ShardRow> shards = shards(id);
            if (shards.isEmpty()) {
                // not split yet (still queued), or already merged: the latter would make the test meaningless
                assertThat(state(id)).as("the run ended before an instance could be killed: raise ITERATIONS")
                        .isIn("QUEUED", "RUNNING");
                Thread.sleep(20);
                continue;
            }
            Set<Long> owners = shards.stream().filter(s -> s.state().equals("RUNNING")).map(s -> pid(s.owner()))
                    .collect(Collectors.toSet());
            if (owners.size() >= 2) {
                // the shard furthest from its end: its worker is certainly still on it when killed
                ShardRow target = shards.stream().filter(s -> s.state().equals("RUNNING"))
                        .min(java.util.Comparator.comparingLong(ShardRow::done)).orElseThrow();
                long pid = pid(target.owner());
                victim = processes.stream().filter(p -> p.pid() == pid).findFirst().orElseThrow();
                victimShard = target.index();
            }
            Thread.sleep(20);
        }
        victim.kill();
        assertThat(shards(id)).as("the run must still be going when an instance dies: raise ITERATIONS").isNotEmpty();
        ServerProcess survivor = processes.stream().filter(ServerProcess::isAlive).findFirst().orElseThrow();
        ApiClient survivorApi = survivor.client().withKey(key);

        JsonNode done = awaitFinished(survivorApi, id);
        assertThat(done.path("state").asString()).as(done.toString()).isEqualTo("completed");
        assertThat(done.path("progress").path("iterationsDone").asLong()).isEqualTo(ITERATIONS);
        String survivors = processes.stream().filter(ServerProcess::isAlive).map(ServerProcess::log)
                .collect(Collectors.joining("\n"));
        assertThat(survivors).as("the killed instance's shard is run again elsewhere")
                .contains("simulation " + id + " shard " + victimShard + " started (attempt 2");
        Set<String> instancesThatRanShards = new TreeSet<>();
        for (ServerProcess p : processes) {
            if (p.log().contains("simulation " + id + " shard ")) {
                instancesThatRanShards.add(p.name());
            }
        }
        assertThat(instancesThatRanShards).hasSizeGreaterThanOrEqualTo(2);
        assertThat(shards(id)).as("shards are removed once merged").isEmpty();

        JsonNode served = survivorApi.get("/api/v1/simulations/" + id + "/results").json();
        LinkedWorkbook linked = LinkedWorkbook.load(TestWorkbooks.shared("startup-36-month-plan.xlsx"));
        SimulationModel model = ModelFactory.model(linked, spec);
        SimulationSettings single = ModelFactory.settings(spec, 2);
        JsonNode expected = ApiClient.JSON.readTree(ApiClient.JSON.writeValueAsString(ResultDocuments.Results.of(
                UUID.fromString(id), ResultBuilder.build("plan", model, single,
                        Simulator.run(model, single, Simulator.Listener.NONE), 0, 0))));
        assertThat(numbers(served)).isEqualTo(numbers(expected));
    }

    /** The results without what may differ between two runs of the same simulation (ids, threads, timings, file name). */
    private static JsonNode numbers(JsonNode results) {
        ObjectNode copy = (ObjectNode) results.deepCopy();
        copy.remove(List.of("simulationId", "threads", "timings", "workbook"));
        return copy;
    }

    private static JsonNode awaitFinished(ApiClient api, String id) throws InterruptedException {
        long deadline = System.nanoTime() + RUN.toNanos();
        JsonNode last = null;
        while (System.nanoTime() < deadline) {
            last = api.get("/api/v1/simulations/" + id).json();
            if (!Set.of("queued", "running").contains(last.path("state").asString())) {
                return last;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("simulation " + id + " did not finish within " + RUN + "; last: " + last);
    }

    private List<ShardRow> shards(String id) throws Exception {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "select shard, state, lease_owner, attempts, iterations_done from simulation_shards where simulation_id = ? "
                        + "order by shard")) {
            s.setObject(1, UUID.fromString(id));
            List<ShardRow> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new ShardRow(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5)));
                }
            }
            return rows;
        }
    }

    private String state(String id) throws Exception {
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("select state from simulations where id = ?")) {
            s.setObject(1, UUID.fromString(id));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    private static long pid(String owner) {
        Matcher m = OWNER_PID.matcher(String.valueOf(owner));
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }
}
