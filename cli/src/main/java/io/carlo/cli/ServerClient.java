package io.carlo.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.function.Consumer;

/**
 * The few calls of Carlo's REST API that {@code carlo run --server} makes, with an API key. A
 * refusal (a quota, a limit, a bad model) becomes a {@link ServerRefusal} carrying the server's own
 * explanation, so that the command line says what the web UI would say.
 */
final class ServerClient {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<String> FINISHED = List.of("completed", "failed", "cancelled");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(20))
            .followRedirects(HttpClient.Redirect.NEVER).build();
    private final URI base;
    private final String apiKey;

    ServerClient(String url, String apiKey) {
        String trimmed = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        if (!trimmed.startsWith("http://") && !trimmed.startsWith("https://")) {
            throw new ServerRefusal("--server must be an http:// or https:// address, not '" + url + "'");
        }
        this.base = URI.create(trimmed);
        this.apiKey = apiKey;
    }

    URI base() {
        return base;
    }

    /** Uploads a workbook; answers the server's description of it (with its id). */
    JsonNode upload(Path file) throws IOException {
        String boundary = "carlo-" + HexFormat.of().formatHex(new SecureRandom().generateSeed(12));
        String name = file.getFileName().toString().replace("\"", "");
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = request("/api/v1/workbooks")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.concat(HttpRequest.BodyPublishers.ofByteArray(head),
                        HttpRequest.BodyPublishers.ofFile(file), HttpRequest.BodyPublishers.ofByteArray(tail)))
                .build();
        return JSON.readTree(send(request));
    }

    /** Queues a simulation; answers it as the server sees it (id, state). */
    JsonNode start(Object spec) throws IOException {
        HttpRequest request = request("/api/v1/simulations").header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(spec))).build();
        return JSON.readTree(send(request));
    }

    /**
     * Follows a simulation's progress stream until it finishes, giving each event to {@code progress};
     * answers the last event. A stream the server closes early (it shut down) is opened again.
     */
    JsonNode follow(String simulationId, Consumer<JsonNode> progress) throws IOException {
        String path = "/api/v1/simulations/" + encode(simulationId) + "/events";
        while (true) {
            HttpRequest request = request(path).header("Accept", "text/event-stream").GET().build();
            JsonNode last = null;
            try (BufferedReader events = new BufferedReader(new InputStreamReader(stream(request), StandardCharsets.UTF_8))) {
                for (String line = events.readLine(); line != null; line = events.readLine()) {
                    if (line.startsWith("data:")) {
                        last = JSON.readTree(line.substring(5).strip());
                        progress.accept(last);
                        if (FINISHED.contains(last.path("state").asText())) {
                            return last;
                        }
                    }
                }
            }
            if (last == null) {
                throw new ServerRefusal("the server closed the progress stream of simulation " + simulationId);
            }
        }
    }

    JsonNode get(String path) throws IOException {
        return JSON.readTree(send(request(path).GET().build()));
    }

    /** Saves what a GET answers into a file. */
    void download(String path, Path target) throws IOException {
        try (InputStream in = stream(request(path).GET().build())) {
            Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static String encode(String segment) {
        return URLEncoder.encode(segment, StandardCharsets.UTF_8);
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(base.getPath() + path))
                .header("Authorization", "Bearer " + apiKey)
                .header("User-Agent", "carlo-cli/" + Version.number());
    }

    private String send(HttpRequest request) throws IOException {
        try (InputStream in = stream(request)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Sends a request and answers its body, or throws the server's explanation of a refusal. */
    private InputStream stream(HttpRequest request) throws IOException {
        HttpResponse<InputStream> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (ConnectException e) {
            throw new ServerRefusal("cannot reach the server at " + base + " (is it running?)");
        } catch (IOException e) {
            throw new ServerRefusal("cannot talk to the server at " + base + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ServerRefusal("interrupted");
        }
        if (response.statusCode() / 100 == 2) {
            return response.body();
        }
        String body;
        try (InputStream in = response.body()) {
            body = new String(in.readNBytes(64 * 1024), StandardCharsets.UTF_8);
        }
        throw ServerRefusal.of(response.statusCode(), body, response.headers().firstValue("Retry-After").orElse(null));
    }

    /** The server said no, or could not be asked: one line for the user, never a stack trace. */
    static final class ServerRefusal extends RuntimeException {

        ServerRefusal(String message) {
            super(message);
        }

        /** From a problem+json answer: its title and detail, which the server writes for people. */
        static ServerRefusal of(int status, String body, String retryAfter) {
            String title = null;
            String detail = null;
            try {
                JsonNode problem = JSON.readTree(body);
                title = problem.path("title").asText(null);
                detail = problem.path("detail").asText(null);
            } catch (IOException | RuntimeException notJson) {
                // a proxy's HTML page, for example: the status says enough
            }
            StringBuilder message = new StringBuilder("the server refused (").append(status);
            message.append(title != null ? " " + title : "").append(")");
            if (detail != null) {
                message.append(": ").append(detail);
            }
            if (status == 401) {
                message.append(detail == null ? ": " : "; ").append("check CARLO_API_KEY");
            }
            if (retryAfter != null) {
                message.append(" (retry after ").append(retryAfter).append(" s)");
            }
            return new ServerRefusal(message.toString());
        }
    }
}
