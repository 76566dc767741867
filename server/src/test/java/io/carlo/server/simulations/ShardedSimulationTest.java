package io.carlo.server.simulations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.simulation.ResultBuilder;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * A large simulation split into iteration shards that three worker slots run at once: the merged
 * results are exactly those of one uninterrupted run with the same seed; progress adds the shards
 * up; nothing of the shards is left behind; a cancelled split run stops every shard.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class ShardedSimulationTest {

    private static final String SHEET = "'Project Costs'!";
    private TestDatabase db;
    private RunningServer server;
    private ApiClient api;
    private String workbookId;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        db = TestDatabase.create(database());
        server = RunningServer.start(db, "--carlo.simulations.shard-iterations=2500", "--carlo.workers.slots=3",
                "--carlo.workers.threads=1", "--carlo.simulations.max-concurrent-per-organization=3");
        api = server.client().signUp("shards@example.com", "Shards").newKey("analyst");
        workbookId = api.upload("/api/v1/workbooks", TestWorkbooks.shared("project-costs.xlsx")).json().path("id")
                .asString();
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    private SimulationSpec spec(long iterations, String sampling) {
        return new SimulationSpec(UUID.fromString(workbookId), "sharded", List.of(
                new SimulationSpec.Input(SHEET + "B5", "Triangular(400,500,700)"),
                new SimulationSpec.Input(SHEET + "B6", "Uniform(130,170)"),
                new SimulationSpec.Input(SHEET + "B7", "Normal(25000,2500)")),
                List.of(new SimulationSpec.Output(SHEET + "B17"), new SimulationSpec.Output(SHEET + "B18")),
                iterations, 9L, sampling, List.of(new SimulationSpec.Correlation(SHEET + "B5", SHEET + "B6", 0.6)),
                "iman-conover", List.of(100_000.0), null);
    }

    @Test
    void aSplitRunGivesExactlyTheResultsOfOneRun() throws Exception {
        SimulationSpec spec = spec(10_000, "lhs");
        ApiClient.Response created = api.post("/api/v1/simulations", spec);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        List<JsonNode> events = api.events("/api/v1/simulations/" + id + "/events", Duration.ofMinutes(3));
        JsonNode last = events.getLast();
        assertThat(last.path("state").asString()).as(last.toString()).isEqualTo("completed");
        assertThat(last.path("progress").path("iterationsDone").asLong()).isEqualTo(10_000);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("progress").path("iterationsDone").asLong())
                    .isGreaterThanOrEqualTo(events.get(i - 1).path("progress").path("iterationsDone").asLong());
        }

        JsonNode served = api.get("/api/v1/simulations/" + id + "/results").json();
        LinkedWorkbook linked = LinkedWorkbook.load(TestWorkbooks.shared("project-costs.xlsx"));
        SimulationModel model = ModelFactory.model(linked, spec);
        SimulationSettings settings = ModelFactory.settings(spec, 2);
        SimulationResult direct = ResultBuilder.build("project-costs.xlsx", model, settings,
                Simulator.run(model, settings, Simulator.Listener.NONE), 0, 0);
        JsonNode expected = ApiClient.JSON.readTree(ApiClient.JSON.writeValueAsString(
                ResultDocuments.Results.of(UUID.fromString(id), direct)));
        assertThat(served.path("outputs")).isEqualTo(expected.path("outputs"));
        assertThat(served.path("inputs")).isEqualTo(expected.path("inputs"));
        assertThat(served.path("correlation")).isEqualTo(expected.path("correlation"));
        assertThat(api.get("/api/v1/simulations/" + id + "/samples.csv").body().lines().count()).isEqualTo(10_001);

        awaitIdleWorkers();
        assertThat(count("select count(*) from simulation_shards")).isZero();
        assertThat(leftoverShardFiles()).isZero();
    }

    @Test
    void cancellingASplitRunStopsEveryShard() throws Exception {
        // the start-up plan runs at tens of thousands of iterations a second: still running when cancelled
        String plan = api.upload("/api/v1/workbooks", TestWorkbooks.shared("startup-36-month-plan.xlsx")).json()
                .path("id").asString();
        String id = api.post("/api/v1/simulations", Map.of("workbookId", plan, "iterations", 1_000_000, "seed", 3,
                "sampling", "mc", "inputs", List.of(Map.of("cell", "'WIZEMICE Likest'!F4",
                        "distribution", "Triangular(0.05, 0.10, 0.15)")),
                "outputs", List.of(Map.of("cell", "'WIZEMICE Likest'!B12")))).json().path("id").asString();
        java.util.concurrent.atomic.AtomicBoolean asked = new java.util.concurrent.atomic.AtomicBoolean();
        List<JsonNode> events = api.events("/api/v1/simulations/" + id + "/events", Duration.ofMinutes(3), e -> {
            if ("running".equals(e.path("state").asString()) && asked.compareAndSet(false, true)) {
                assertThat(api.post("/api/v1/simulations/" + id + "/cancel", Map.of()).status()).isEqualTo(200);
            }
        });
        assertThat(events.getLast().path("state").asString()).isEqualTo("cancelled");
        awaitIdleWorkers();
        assertThat(count("select count(*) from simulation_shards")).isZero();
        assertThat(leftoverShardFiles()).isZero();
    }

    /**
     * Waits until this instance's worker slots are idle: a shard that was finishing when its run
     * ended notices at its next heartbeat (or when it tries to complete) and removes what it wrote.
     */
    private void awaitIdleWorkers() {
        SimulationWorker workers = server.bean(SimulationWorker.class);
        java.time.Instant deadline = java.time.Instant.now().plus(Duration.ofMinutes(1));
        while (workers.activeRuns() > 0) {
            assertThat(java.time.Instant.now()).as("workers still busy").isBefore(deadline);
            Thread.onSpinWait();
        }
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** Shard samples left in the blob store: the files under data/files/shards, or the database's blob rows. */
    private long leftoverShardFiles() throws Exception {
        if (database() == TestDatabase.Kind.POSTGRES) {
            return count("select count(*) from blobs where id like 'shards/%'");
        }
        java.nio.file.Path dir = db.dataDirectory().resolve("files/shards");
        if (!java.nio.file.Files.exists(dir)) {
            return 0;
        }
        try (var files = java.nio.file.Files.walk(dir)) {
            return files.filter(java.nio.file.Files::isRegularFile).count();
        }
    }
}
