package io.carlo.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The routes the web UI needs beyond the rest of the API, through a real port: the distribution
 * catalogue and previews, an output's histogram with any bin count and the scatter subsample, both
 * answering 404 for another organization's simulation.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UiSupportApiTest {

    private TestDatabase db;
    private RunningServer server;
    private ApiClient ada;
    private String simulation;

    @BeforeAll
    void start() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        server = RunningServer.start(db);
        ada = signUp("ada@example.com");
        String workbook = ada.upload("/api/v1/workbooks", TestWorkbooks.shared("project-costs.xlsx")).json()
                .path("id").asString();
        ApiClient.Response created = ada.post("/api/v1/simulations", Map.of("workbookId", workbook, "iterations", 2000,
                "seed", 3, "inputs", List.of(Map.of("cell", "B5", "distribution", "Triangular(400,500,700)"),
                        Map.of("cell", "B6", "distribution", "Uniform(130,170)")),
                "outputs", List.of(Map.of("cell", "B17"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        simulation = created.json().path("id").asString();
        List<JsonNode> events = ada.events("/api/v1/simulations/" + simulation + "/events", Duration.ofMinutes(2));
        assertThat(events.getLast().path("state").asString()).isEqualTo("completed");
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

    private ApiClient signUp(String email) {
        ApiClient c = server.client();
        ApiClient.Response r = c.post("/api/v1/auth/signup", Map.of("email", email, "password", "correct horse battery"));
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        c.get("/api/v1/me"); // sets the XSRF-TOKEN cookie
        return c;
    }

    @Test
    void catalogueListsEveryDistributionWithExampleParameters() {
        assertThat(server.client().get("/api/v1/distributions").status()).isEqualTo(401);
        JsonNode catalog = ada.get("/api/v1/distributions").json();
        assertThat(catalog.size()).isGreaterThanOrEqualTo(45);
        JsonNode triangular = null;
        for (JsonNode d : catalog) {
            if (d.path("name").asString().equals("Triangular")) {
                triangular = d;
            }
        }
        assertThat(triangular).isNotNull();
        assertThat(triangular.path("aliases").toString()).contains("Triang");
        assertThat(triangular.path("parameters").toString()).isEqualTo("[\"min\",\"most likely\",\"max\"]");
        assertThat(triangular.path("defaults").size()).isEqualTo(3);
        assertThat(triangular.path("family").asString()).isEqualTo("continuous");
        assertThat(triangular.path("example").asString()).isEqualTo("Triangular(80, 100, 130)");
    }

    @Test
    void previewIsTheEnginesDistribution() {
        ApiClient.Response r = ada.post("/api/v1/distributions/preview",
                Map.of("distribution", "Triangular(0.05, 0.10, 0.15)", "points", 101));
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        JsonNode p = r.json();
        assertThat(p.path("discrete").asBoolean()).isFalse();
        assertThat(p.path("x").size()).isEqualTo(101);
        assertThat(p.path("x").get(0).asDouble()).isEqualTo(0.05);
        assertThat(p.path("density").get(50).asDouble()).isCloseTo(20.0, org.assertj.core.data.Offset.offset(0.5));
        assertThat(p.path("mean").asDouble()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-12));

        ApiClient.Response discrete = ada.post("/api/v1/distributions/preview", Map.of("distribution", "Bernoulli(0.3)"));
        assertThat(discrete.json().path("discrete").asBoolean()).isTrue();
        assertThat(discrete.json().path("x").size()).isEqualTo(2);

        ApiClient.Response bad = ada.post("/api/v1/distributions/preview", Map.of("distribution", "Normal(100, -1)"));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.header("Content-Type")).startsWith("application/problem+json");
        assertThat(bad.json().path("detail").asString()).contains("standard deviation must be greater than 0");
    }

    @Test
    void histogramIsRebinnedFromTheStoredSamples() {
        JsonNode h = ada.get("/api/v1/simulations/" + simulation + "/histogram?output=B17&bins=17").json();
        assertThat(h.path("bins").asInt()).isEqualTo(17);
        assertThat(h.path("edges").size()).isEqualTo(18);
        long total = 0;
        for (JsonNode c : h.path("counts")) {
            total += c.asLong();
        }
        assertThat(total + h.path("errors").asLong()).isEqualTo(2000);
        JsonNode results = ada.get("/api/v1/simulations/" + simulation + "/results").json();
        JsonNode stats = results.path("outputs").get(0).path("statistics");
        assertThat(h.path("edges").get(0).asDouble()).isEqualTo(stats.path("min").asDouble());
        assertThat(h.path("edges").get(17).asDouble()).isEqualTo(stats.path("max").asDouble());
        // the output named as the results name it, and by default the first output
        String cell = results.path("outputs").get(0).path("cell").asString();
        assertThat(ada.get("/api/v1/simulations/" + simulation + "/histogram?bins=17&output="
                + java.net.URLEncoder.encode(cell, java.nio.charset.StandardCharsets.UTF_8)).json()).isEqualTo(h);
        assertThat(ada.get("/api/v1/simulations/" + simulation + "/histogram?bins=17").json()).isEqualTo(h);

        assertThat(ada.get("/api/v1/simulations/" + simulation + "/histogram?bins=0").status()).isEqualTo(400);
        ApiClient.Response unknown = ada.get("/api/v1/simulations/" + simulation + "/histogram?output=Z99");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().path("detail").asString()).contains("no output 'Z99'");
    }

    @Test
    void scatterIsADeterministicSubsampleOfOneInputAndOneOutput() {
        String path = "/api/v1/simulations/" + simulation + "/samples?output=B17&input=B5&limit=500";
        JsonNode s = ada.get(path).json();
        assertThat(s.path("iterations").asLong()).isEqualTo(2000);
        assertThat(s.path("points").asInt()).isEqualTo(500);
        assertThat(s.path("x").size()).isEqualTo(500);
        assertThat(s.path("y").size()).isEqualTo(500);
        for (JsonNode x : s.path("x")) {
            assertThat(x.asDouble()).isBetween(400.0, 700.0);
        }
        assertThat(ada.get(path).json()).isEqualTo(s);
        JsonNode other = ada.get("/api/v1/simulations/" + simulation + "/samples?output=B17&input=B6&limit=500").json();
        for (JsonNode x : other.path("x")) {
            assertThat(x.asDouble()).isBetween(130.0, 170.0);
        }
        assertThat(ada.get("/api/v1/simulations/" + simulation + "/samples?limit=0").status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationsSimulationIsNotFound() {
        ApiClient eve = signUp("eve@example.com");
        for (String route : List.of("/histogram?bins=10", "/samples?limit=10")) {
            ApiClient.Response r = eve.get("/api/v1/simulations/" + simulation + route);
            assertThat(r.status()).as(route).isEqualTo(404);
        }
        assertThat(eve.get("/api/v1/simulations/" + java.util.UUID.randomUUID() + "/histogram").status()).isEqualTo(404);
    }
}
