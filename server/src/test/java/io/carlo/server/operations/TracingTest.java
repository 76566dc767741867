package io.carlo.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * Optional OpenTelemetry tracing: with tracing on, the server sends spans over OTLP/HTTP to the
 * collector it is given (here a bare HTTP endpoint in the test that keeps what it receives): one for
 * each API request, named by its route, and one for each simulation run, tagged with its id.
 */
class TracingTest {

    /** What a collector received, one OTLP export request (protobuf) per entry. */
    private final LinkedBlockingQueue<byte[]> exports = new LinkedBlockingQueue<>();

    @Test
    void requestsAndRunsAreExportedAsSpans() throws Exception {
        HttpServer collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        collector.createContext("/v1/traces", exchange -> {
            exports.add(body(exchange.getRequestBody(), exchange.getRequestHeaders().getFirst("Content-Encoding")));
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        collector.start();
        String endpoint = "http://127.0.0.1:" + collector.getAddress().getPort() + "/v1/traces";
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
             RunningServer server = RunningServer.start(db, "--CARLO_TRACING_ENABLED=true",
                     "--CARLO_TRACING_ENDPOINT=" + endpoint,
                     "--management.opentelemetry.tracing.export.schedule-delay=100ms")) {
            ApiClient program = server.client().signUp("tracing@example.com", "Traced").newKey("analyst");
            String workbook = program.upload("/api/v1/workbooks", TestWorkbooks.shared("simple-monte-carlo.xlsx"))
                    .json().path("id").asString();
            ApiClient.Response created = program.post("/api/v1/simulations", Map.of("workbookId", workbook,
                    "iterations", 2_000, "seed", 1,
                    "inputs", List.of(Map.of("cell", "'Monte Carlo Test'!B2", "distribution", "Normal(1000, 100)")),
                    "outputs", List.of(Map.of("cell", "'Monte Carlo Test'!B7"))));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            String simulation = created.json().path("id").asString();
            List<JsonNode> events = program.events("/api/v1/simulations/" + simulation + "/events", Duration.ofMinutes(2));
            assertThat(events.getLast().path("state").asString()).isEqualTo("completed");

            String received = awaitSpansContaining(Duration.ofSeconds(30), "simulation run", simulation, "/api/v1/workbooks");
            assertThat(received).contains("carlo");   // the service name
        } finally {
            collector.stop(0);
        }
    }

    @Test
    void tracingIsOffByDefault() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2);
             RunningServer server = RunningServer.start(db)) {
            assertThat(server.context().getBeanNamesForType(io.opentelemetry.sdk.trace.export.SpanExporter.class))
                    .as("no span exporter").isEmpty();
        }
    }

    /** Collects exports until all the texts have been seen (protobuf keeps strings as UTF-8 bytes). */
    private String awaitSpansContaining(Duration timeout, String... texts) throws InterruptedException {
        StringBuilder seen = new StringBuilder();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!containsAll(seen, texts)) {
            long left = deadline - System.nanoTime();
            byte[] export = left > 0 ? exports.poll(left, TimeUnit.NANOSECONDS) : null;
            if (export == null) {
                throw new AssertionError("the collector did not receive spans with " + List.of(texts)
                        + "; it received: " + seen.toString().replaceAll("[^\\x20-\\x7e]", "."));
            }
            seen.append(new String(export, StandardCharsets.ISO_8859_1));
        }
        return seen.toString();
    }

    private static boolean containsAll(CharSequence text, String... parts) {
        for (String part : parts) {
            if (!text.toString().contains(part)) {
                return false;
            }
        }
        return true;
    }

    private static byte[] body(InputStream in, String encoding) throws IOException {
        InputStream source = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in) : in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.transferTo(out);
        return out.toByteArray();
    }
}
