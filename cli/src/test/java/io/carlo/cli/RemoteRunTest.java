package io.carlo.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code carlo run --server}: the same run as on this machine, done by a real server through its API
 * with an API key, and the server's refusals (its limits, a bad key, no server) told in one line.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RemoteRunTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private TestDatabase db;
    private RunningServer server;
    private String key;

    record Result(int code, String out, String err) {
    }

    @BeforeAll
    void start() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        server = RunningServer.start(db, "--carlo.plans.default-plan=FREE");
        key = server.client().signUp("cli@example.com", "Command line").newKey("analyst").apiKey();
    }

    @AfterAll
    void stop() throws Exception {
        server.close();
        db.close();
    }

    private static Result carlo(List<String> args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Carlo.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        return new Result(code, out.toString(), err.toString());
    }

    private static List<String> model(String... extra) {
        List<String> args = new ArrayList<>(List.of("run", TestWorkbooks.shared("simple-monte-carlo.xlsx").toString(),
                "--input", "'Monte Carlo Test'!B2=Normal(1000, 100)", "--output", "'Monte Carlo Test'!B7",
                "--seed", "11", "--target", "-19600"));
        args.addAll(List.of(extra));
        return args;
    }

    private List<String> onServer(String... extra) {
        List<String> args = model(extra);
        args.addAll(List.of("--server", server.baseUrl(), "--api-key", key));
        return args;
    }

    private static JsonNode withoutRunDetails(String json) throws Exception {
        ObjectNode node = (ObjectNode) JSON.readTree(json);
        node.remove("threads");
        node.remove("timings");
        return node;
    }

    @Test
    void theServerGivesTheSameNumbersAsThisMachine() throws Exception {
        Path csv = dir.resolve("samples.csv");
        Path report = dir.resolve("report.xlsx");
        Result remote = carlo(onServer("-n", "8000", "--json", "--csv", csv.toString(), "--report", report.toString()));
        assertThat(remote.code()).as(remote.err()).isZero();
        Result local = carlo(model("-n", "8000", "--json"));
        assertThat(local.code()).as(local.err()).isZero();

        // the same JSON as a local run, number for number; only where and how fast it ran differ
        assertThat(withoutRunDetails(remote.out())).isEqualTo(withoutRunDetails(local.out()));
        assertThat(JSON.readTree(remote.out()).path("outputs").get(0).path("mean").asDouble()).isNotZero();
        assertThat(Files.readAllLines(csv)).hasSize(8_001);
        assertThat(Files.readAllBytes(report)).startsWith(new byte[] {'P', 'K'});
    }

    @Test
    void theTextSummaryNamesTheSimulation() {
        Result remote = carlo(onServer("-n", "2000"));
        assertThat(remote.code()).as(remote.err()).isZero();
        assertThat(remote.out()).contains("simple-monte-carlo.xlsx: 2,000 iterations, seed 11, lhs sampling")
                .contains("'Monte Carlo Test'!B7").contains("mean ").containsPattern("P\\(x <= -19,600.00\\) = 0\\.[0-9]{4}");
        assertThat(remote.err()).contains("carlo: ran as simulation ").contains(" on " + server.baseUrl());
    }

    @Test
    void thePlansQuotaHoldsAndIsToldInOneLine() {
        Result refused = carlo(onServer("-n", "20000"));
        assertThat(refused.code()).isEqualTo(Carlo.EXIT_UNREADABLE);
        assertThat(refused.err()).startsWith("carlo: the server refused (403")
                .contains("Free plan allows 10,000 iterations per run").doesNotContain("\tat ");
        assertThat(refused.err().lines()).hasSize(1);
    }

    @Test
    void aWrongKeyOrNoKeyOrNoServerIsExplained() {
        List<String> wrongKey = model();
        wrongKey.addAll(List.of("--server", server.baseUrl(), "--api-key", "carlo_not-a-key"));
        Result unauthorized = carlo(wrongKey);
        assertThat(unauthorized.code()).isEqualTo(Carlo.EXIT_UNREADABLE);
        assertThat(unauthorized.err()).startsWith("carlo: the server refused (401").contains("CARLO_API_KEY");

        List<String> noKey = model();
        noKey.addAll(List.of("--server", server.baseUrl(), "--api-key", ""));
        assertThat(carlo(noKey).err()).contains("needs an API key in the CARLO_API_KEY environment variable");

        List<String> nowhere = model();
        nowhere.addAll(List.of("--server", "http://127.0.0.1:1", "--api-key", key));
        Result unreachable = carlo(nowhere);
        assertThat(unreachable.code()).isEqualTo(Carlo.EXIT_UNREADABLE);
        assertThat(unreachable.err()).contains("cannot reach the server at http://127.0.0.1:1");
    }

    @Test
    void theRequestIsWrittenInTheApisTermsAndBadTextSendsNothing() throws Exception {
        RemoteRun.Request request = new RemoteRun.Request(dir.resolve("m.xlsx"),
                List.of("'a=b'!B3 = Normal(1, 2)", "C4=Uniform(0,1)"), List.of(" D5 "), List.of("'a=b'!B3, C4=0.6"),
                "iman-conover", 100, 7L, "mc", List.of(), 0, false, null, null);
        JsonNode spec = JSON.valueToTree(RemoteRun.spec(request));
        assertThat(spec.path("inputs").get(0).path("cell").asText()).isEqualTo("'a=b'!B3");
        assertThat(spec.path("inputs").get(0).path("distribution").asText()).isEqualTo("Normal(1, 2)");
        assertThat(spec.path("outputs").get(0).path("cell").asText()).isEqualTo("D5");
        JsonNode correlation = spec.path("correlations").get(0);
        assertThat(correlation.path("first").asText()).isEqualTo("'a=b'!B3");
        assertThat(correlation.path("second").asText()).isEqualTo("C4");
        assertThat(correlation.path("coefficient").asDouble()).isEqualTo(0.6);

        int before = server.client().withKey(key).get("/api/v1/workbooks").json().size();
        Result bad = carlo(List.of("run", TestWorkbooks.shared("simple-monte-carlo.xlsx").toString(),
                "--input", "'Monte Carlo Test'!B2", "--server", server.baseUrl(), "--api-key", key));
        assertThat(bad.code()).isEqualTo(Carlo.EXIT_UNREADABLE);
        assertThat(bad.err()).startsWith("carlo: input ''Monte Carlo Test'!B2': expected CELL=Distribution(...)");
        assertThat(server.client().withKey(key).get("/api/v1/workbooks").json().size()).as("nothing uploaded")
                .isEqualTo(before);
    }
}
