package io.carlo.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.eval.LinkedWorkbook;
import io.carlo.engine.simulation.ModelBuilder;
import io.carlo.engine.simulation.ResultBuilder;
import io.carlo.engine.simulation.Sampling;
import io.carlo.engine.simulation.SimulationModel;
import io.carlo.engine.simulation.SimulationResult;
import io.carlo.engine.simulation.SimulationSettings;
import io.carlo.engine.simulation.Simulator;
import io.carlo.engine.stats.StatisticsOptions;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The whole path a user takes, through a real HTTP port: sign up, create an API key, upload the
 * 36-month start-up plan, run 10,000 iterations, follow the live progress to the end, and read the
 * results, the samples and the report. The numbers must be those the engine computes directly with
 * the same seed. Runs on H2 and on PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class EndToEndTest {

    private static final String SHEET = "'WIZEMICE Likest'!";
    private TestDatabase db;
    private RunningServer server;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        db = TestDatabase.create(database());
        server = RunningServer.start(db);
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

    @Test
    void signUpUploadSimulateFollowAndReadResults() throws Exception {
        ApiClient browser = server.client();
        ApiClient.Response signUp = browser.post("/api/v1/auth/signup",
                Map.of("email", "Ada@Example.com", "password", "correct horse battery", "name", "Ada"));
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        assertThat(signUp.json().path("email").asString()).isEqualTo("ada@example.com");
        assertThat(signUp.json().path("organization").path("role").asString()).isEqualTo("owner");
        assertThat(signUp.headers("Set-Cookie")).anySatisfy(c -> assertThat(c).startsWith("CARLO_SESSION=")
                .contains("HttpOnly").contains("SameSite=Lax"));

        browser.get("/api/v1/me"); // a safe request first: the answer sets the XSRF-TOKEN cookie
        ApiClient.Response key = browser.post("/api/v1/api-keys", Map.of("name", "e2e", "role", "analyst"));
        assertThat(key.status()).as(key.toString()).isEqualTo(201);
        String secret = key.json().path("secret").asString();
        assertThat(secret).startsWith("carlo_");
        ApiClient program = browser.withKey(secret);

        Path plan = TestWorkbooks.shared("startup-36-month-plan.xlsx");
        ApiClient.Response upload = program.upload("/api/v1/workbooks", plan);
        assertThat(upload.status()).as(upload.toString()).isEqualTo(201);
        JsonNode workbook = upload.json();
        assertThat(workbook.path("summary").path("formulaCells").asInt()).isEqualTo(7528);
        assertThat(workbook.path("summary").path("sheets").size()).isGreaterThan(1);
        String workbookId = workbook.path("id").asString();

        ApiClient.Response grid = program.get("/api/v1/workbooks/" + workbookId + "/sheets/0/cells?range=A1:H20");
        assertThat(grid.status()).as(grid.toString()).isEqualTo(200);
        assertThat(grid.json().path("cells").size()).isGreaterThan(0);

        Map<String, Object> spec = Map.of("workbookId", workbookId, "name", "base case",
                "iterations", 10_000, "seed", 7, "sampling", "lhs",
                "inputs", List.of(Map.of("cell", SHEET + "F4", "distribution", "Triangular(0.05, 0.10, 0.15)"),
                        Map.of("cell", SHEET + "F8", "distribution", "Triangular(30, 40, 100)")),
                "outputs", List.of(Map.of("cell", SHEET + "B12"), Map.of("cell", SHEET + "B9")));
        ApiClient.Response created = program.post("/api/v1/simulations", spec);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();

        List<JsonNode> events = program.events("/api/v1/simulations/" + id + "/events", Duration.ofMinutes(5));
        assertThat(events).isNotEmpty();
        JsonNode last = events.getLast();
        assertThat(last.path("state").asString()).as(last.toString()).isEqualTo("completed");
        assertThat(last.path("progress").path("fraction").asDouble()).isEqualTo(1.0);
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).path("progress").path("iterationsDone").asLong())
                    .isGreaterThanOrEqualTo(events.get(i - 1).path("progress").path("iterationsDone").asLong());
        }

        ApiClient.Response results = program.get("/api/v1/simulations/" + id + "/results");
        assertThat(results.status()).as(results.toString()).isEqualTo(200);
        JsonNode r = results.json();
        assertThat(r.path("iterations").asLong()).isEqualTo(10_000);
        assertThat(r.path("seed").asLong()).isEqualTo(7);
        JsonNode npv = r.path("outputs").get(0);
        assertThat(npv.path("cell").asString()).isEqualTo(SHEET + "B12");
        assertThat(npv.path("sensitivity").size()).isEqualTo(2);
        assertThat(npv.path("statistics").path("histogram").path("counts").size()).isGreaterThan(5);

        // the same run with the engine directly: the server must give the same numbers, bit for bit
        SimulationResult direct = runDirectly(plan);
        assertThat(npv.path("statistics").path("mean").asDouble()).isEqualTo(direct.outputs().get(0).statistics().mean());
        assertThat(npv.path("statistics").path("percentiles").path("95").asDouble())
                .isEqualTo(direct.outputs().get(0).statistics().percentiles().get(95));

        ApiClient.Response csv = program.get("/api/v1/simulations/" + id + "/samples.csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body().lines().count()).isEqualTo(10_001);

        ApiClient.Response report = program.get("/api/v1/simulations/" + id + "/report.xlsx");
        assertThat(report.status()).isEqualTo(200);
        try (XSSFWorkbook xlsx = new XSSFWorkbook(new ByteArrayInputStream(report.bytes()))) {
            assertThat(xlsx.getNumberOfSheets()).isGreaterThan(3);
        }

        ApiClient.Response list = browser.get("/api/v1/simulations?workbookId=" + workbookId);
        assertThat(list.json().size()).isEqualTo(1);
        assertThat(list.json().get(0).path("state").asString()).isEqualTo("completed");
    }

    private static SimulationResult runDirectly(Path plan) {
        LinkedWorkbook linked = LinkedWorkbook.load(plan);
        SimulationModel model = new ModelBuilder(linked.evaluator())
                .input(SHEET + "F4=Triangular(0.05, 0.10, 0.15)").input(SHEET + "F8=Triangular(30, 40, 100)")
                .output(SHEET + "B12").output(SHEET + "B9").build(7);
        SimulationSettings settings = new SimulationSettings(10_000, 7, Sampling.LHS, 1, 1024,
                new StatisticsOptions(0, 101, List.of(), List.of(0.95, 0.99), 50), 0);
        return ResultBuilder.build("plan", model, settings, Simulator.run(model, settings, Simulator.Listener.NONE), 0, 0);
    }
}
