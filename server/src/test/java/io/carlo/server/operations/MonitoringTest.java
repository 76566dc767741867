package io.carlo.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The operator's view of a server: Prometheus metrics behind their token, recording a real run;
 * the Grafana dashboard and the alert rules in deploy/monitoring querying only metrics (and labels)
 * the server exports; request ids on every answer.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MonitoringTest {

    private static final String TOKEN = "scrape-token-for-tests";
    /** Labels Prometheus adds to every series it scrapes, and the series it makes up itself. */
    private static final Set<String> TARGET_LABELS = Set.of("job", "instance");
    private static final Set<String> SYNTHETIC_METRICS = Set.of("up");
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{(.*)})?\\s+(\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"");

    private TestDatabase db;
    private RunningServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void start() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        server = RunningServer.start(db, "--carlo.metrics.token=" + TOKEN);
        runOneSimulation();
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

    private void runOneSimulation() {
        ApiClient program = server.client().signUp("ops@example.com", "Ops").newKey("analyst");
        String workbook = program.upload("/api/v1/workbooks", TestWorkbooks.shared("simple-monte-carlo.xlsx"))
                .json().path("id").asString();
        ApiClient.Response created = program.post("/api/v1/simulations", Map.of("workbookId", workbook,
                "iterations", 20_000, "seed", 3,
                "inputs", List.of(Map.of("cell", "'Monte Carlo Test'!B2", "distribution", "Normal(1000, 100)")),
                "outputs", List.of(Map.of("cell", "'Monte Carlo Test'!B7"))));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().path("id").asString();
        List<JsonNode> events = program.events("/api/v1/simulations/" + id + "/events", Duration.ofMinutes(2));
        assertThat(events.getLast().path("state").asString()).isEqualTo("completed");
        assertThat(program.get("/api/v1/simulations/" + id + "/results").status()).isEqualTo(200);
    }

    private HttpResponse<String> scrape(String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/prometheus"));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Every exported metric name with the label names its samples carry. */
    private Map<String, Set<String>> exported() throws Exception {
        HttpResponse<String> response = scrape("Bearer " + TOKEN);
        assertThat(response.statusCode()).isEqualTo(200);
        Map<String, Set<String>> metrics = new HashMap<>();
        for (String line : response.body().lines().toList()) {
            Matcher m = SAMPLE.matcher(line);
            if (line.startsWith("#") || !m.matches()) {
                continue;
            }
            Set<String> labels = metrics.computeIfAbsent(m.group(1), k -> new HashSet<>());
            if (m.group(3) != null) {
                Matcher l = LABEL.matcher(m.group(3));
                while (l.find()) {
                    labels.add(l.group(1));
                }
            }
        }
        return metrics;
    }

    private double value(String sample) throws Exception {
        for (String line : scrape("Bearer " + TOKEN).body().lines().toList()) {
            if (line.startsWith(sample + " ")) {
                return Double.parseDouble(line.substring(sample.length() + 1).trim());
            }
        }
        throw new AssertionError("no sample " + sample);
    }

    @Test
    void metricsAreServedOnlyWithTheToken() throws Exception {
        assertThat(scrape(null).statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer wrong").statusCode()).isEqualTo(401);
        assertThat(scrape("Bearer " + TOKEN + "x").statusCode()).isEqualTo(401);
        HttpResponse<String> ok = scrape("Bearer " + TOKEN);
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    }

    @Test
    void aRunIsRecorded() throws Exception {
        String app = "{application=\"carlo\"}";
        assertThat(value("carlo_simulations_finished_total{application=\"carlo\",outcome=\"completed\"}")).isEqualTo(1.0);
        assertThat(value("carlo_simulations_finished_total{application=\"carlo\",outcome=\"failed\"}")).isZero();
        assertThat(value("carlo_simulations_iterations_total" + app)).isEqualTo(20_000.0);
        assertThat(value("carlo_queue_wait_seconds_count" + app)).isEqualTo(1.0);
        assertThat(value("carlo_simulations_duration_seconds_count{application=\"carlo\",outcome=\"completed\"}"))
                .isEqualTo(1.0);
        assertThat(value("carlo_queue_depth" + app)).isZero();
        assertThat(value("carlo_workers_slots" + app)).isEqualTo(1.0);
        assertThat(value("carlo_workers_busy" + app)).isZero();
        assertThat(value("carlo_sse_connections" + app)).isZero();
        String results = "http_server_requests_seconds_count{application=\"carlo\",error=\"none\",exception=\"none\","
                + "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/v1/simulations/{id}/results\"}";
        assertThat(value(results)).isEqualTo(1.0);
    }

    @Test
    void dashboardAndAlertsQueryOnlyWhatTheServerExports() throws Exception {
        Map<String, Set<String>> exported = exported();
        List<String> expressions = new ArrayList<>();
        Path monitoring = repository().resolve("deploy/monitoring");
        JsonNode dashboard = ApiClient.JSON.readTree(Files.readString(monitoring.resolve("grafana-dashboard.json")));
        for (JsonNode panel : dashboard.path("panels")) {
            assertThat(panel.path("targets").size()).as(panel.path("title").asString()).isPositive();
            for (JsonNode target : panel.path("targets")) {
                expressions.add(target.path("expr").asString());
            }
        }
        Map<String, Object> rules = new Yaml().load(Files.readString(monitoring.resolve("prometheus-alerts.yaml")));
        for (Object group : (List<?>) rules.get("groups")) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                expressions.add(String.valueOf(((Map<?, ?>) rule).get("expr")));
            }
        }
        assertThat(expressions).hasSizeGreaterThan(20);
        for (String expr : expressions) {
            List<PromQlSelectors.Selector> selectors = PromQlSelectors.of(expr);
            assertThat(selectors).as("metrics in %s", expr).isNotEmpty();
            for (PromQlSelectors.Selector s : selectors) {
                if (SYNTHETIC_METRICS.contains(s.metric())) {
                    continue;
                }
                assertThat(exported).as("metric %s (in %s) is exported", s.metric(), expr).containsKey(s.metric());
                for (String label : s.labels()) {
                    if (!TARGET_LABELS.contains(label)) {
                        assertThat(exported.get(s.metric())).as("label %s of %s (in %s)", label, s.metric(), expr)
                                .contains(label);
                    }
                }
            }
        }
    }

    @Test
    void theConsistencyCheckWouldCatchAMisspelledMetric() throws Exception {
        Map<String, Set<String>> exported = exported();
        assertThat(PromQlSelectors.of("sum(rate(carlo_simulation_iterations_total[5m]))"))
                .allSatisfy(s -> assertThat(exported).doesNotContainKey(s.metric()));
    }

    @Test
    void theAutoscalersQueueQueryRunsOnTheSchema() throws Exception {
        Path scaledObject = repository().resolve("deploy/kubernetes/base/worker-scaledobject.yaml");
        String query = null;
        for (Object doc : new Yaml().loadAll(Files.readString(scaledObject))) {
            Map<?, ?> map = (Map<?, ?>) doc;
            if ("ScaledObject".equals(map.get("kind"))) {
                Map<?, ?> trigger = (Map<?, ?>) ((List<?>) ((Map<?, ?>) map.get("spec")).get("triggers")).getFirst();
                query = ((Map<?, ?>) trigger.get("metadata")).get("query").toString();
            }
        }
        assertThat(query).isNotNull();
        try (java.sql.Connection c = db.connect(); java.sql.Statement s = c.createStatement();
             java.sql.ResultSet rs = s.executeQuery(query)) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getLong(1)).isZero(); // the one simulation of this server has completed
        }
    }

    @Test
    void everyAnswerCarriesARequestId() throws Exception {
        HttpResponse<String> plain = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/me"))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(plain.statusCode()).isEqualTo(401);
        assertThat(plain.headers().firstValue(RequestIds.HEADER).orElse("")).matches("[0-9a-f-]{36}");
        HttpResponse<String> given = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health"))
                .header(RequestIds.HEADER, "lb-1234.abc").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(given.headers().firstValue(RequestIds.HEADER)).hasValue("lb-1234.abc");
        HttpResponse<String> forged = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health"))
                .header(RequestIds.HEADER, "x\" injected=\"1").build(), HttpResponse.BodyHandlers.ofString());
        assertThat(forged.headers().firstValue(RequestIds.HEADER).orElse("")).matches("[0-9a-f-]{36}");
    }

    static Path repository() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("deploy"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IOException("deploy/ not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }
}
