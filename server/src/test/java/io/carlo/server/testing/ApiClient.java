package io.carlo.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An HTTP client for tests that behaves like a browser (cookies, and the CSRF header echoed from
 * the XSRF-TOKEN cookie) or like a program with an API key. Every call goes through the real port.
 */
public final class ApiClient {

    public static final JsonMapper JSON = JsonMapper.builder().build();

    private final String base;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient http;
    private String apiKey;
    private String organization;
    private boolean csrfHeader = true;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public ApiClient(String base) {
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** The same server, as a program holding this API key (no cookies). */
    public ApiClient withKey(String key) {
        ApiClient c = new ApiClient(base);
        c.apiKey = key;
        return c;
    }

    /**
     * Signs up a new account (with its own organization) on this client, which then holds its
     * session and, after a first safe request, the XSRF-TOKEN cookie; returns this client.
     */
    public ApiClient signUp(String email, String name) {
        Response r = post("/api/v1/auth/signup", Map.of("email", email, "password", "correct horse battery",
                "name", name));
        if (r.status() != 201) {
            throw new IllegalStateException("sign-up of " + email + " answered " + r);
        }
        get("/api/v1/me");
        return this;
    }

    /** Creates an API key with {@code role} in this signed-in client's organization; a client using it. */
    public ApiClient newKey(String role) {
        Response r = post("/api/v1/api-keys", Map.of("name", "test " + role, "role", role));
        if (r.status() != 201) {
            throw new IllegalStateException("creating an API key answered " + r);
        }
        return withKey(r.json().path("secret").asString());
    }

    /** The API key this client sends, if any. */
    public String apiKey() {
        return apiKey;
    }

    /** Sends X-Carlo-Organization on every request from now on. */
    public ApiClient inOrganization(String organizationId) {
        this.organization = organizationId;
        return this;
    }

    /**
     * Whether to echo the XSRF-TOKEN cookie in the X-XSRF-TOKEN header (default yes, as the web
     * app does); off to act like a forged cross-site request.
     */
    public ApiClient csrfHeader(boolean send) {
        this.csrfHeader = send;
        return this;
    }

    /** Sends this header on every request from now on (a raw {@code Cookie}, an {@code Accept}, a wrong token). */
    public ApiClient header(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public record Response(int status, String body, Map<String, List<String>> headers, byte[] bytes) {
        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).findFirst().orElse(null);
        }

        /** The media type of the answer, without parameters; null without a Content-Type. */
        public String contentType() {
            String type = header("Content-Type");
            return type == null ? null : type.split(";")[0].trim();
        }

        public List<String> headers(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream()).toList();
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response post(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").POST(json(body)));
    }

    public Response put(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").PUT(json(body)));
    }

    public Response patch(String path, Object body) {
        return send(request(path).header("Content-Type", "application/json").method("PATCH", json(body)));
    }

    /** Any method: a JSON body when {@code body} is not null, none otherwise. */
    public Response send(String method, String path, Object body) {
        HttpRequest.Builder b = request(path);
        if (body == null) {
            b.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            b.header("Content-Type", "application/json").method(method, json(body));
        }
        return send(b);
    }

    /** Uploads a file as the multipart field {@code file}. */
    public Response upload(String path, Path file) {
        try {
            return upload(path, file.getFileName().toString(), Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Response upload(String path, String fileName, byte[] content) {
        String boundary = "carlo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return send(request(path).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))));
    }

    /**
     * Follows a Server-Sent Events stream until the server ends it (or the timeout), returning the
     * data of every event in order.
     */
    public List<JsonNode> events(String path, Duration timeout) {
        return events(path, timeout, event -> { });
    }

    /** An event stream followed in the background. */
    public record EventStream(CompletableFuture<JsonNode> first, CompletableFuture<List<JsonNode>> all) {
    }

    /**
     * Opens an event stream and follows it on a thread of its own: {@code first} completes with
     * the first event (the stream is open), {@code all} with every event once the server ends the
     * stream (exceptionally if the connection breaks).
     */
    public EventStream follow(String path, Duration timeout) {
        EventStream stream = new EventStream(new CompletableFuture<>(), new CompletableFuture<>());
        Thread reader = new Thread(() -> {
            try {
                stream.all().complete(events(path, timeout, stream.first()::complete));
            } catch (Throwable e) {
                stream.first().completeExceptionally(e);
                stream.all().completeExceptionally(e);
            }
        }, "events " + path);
        reader.setDaemon(true);
        reader.start();
        return stream;
    }

    /** Follows an event stream to its end, handing each event to {@code each} as it arrives (to act mid-run). */
    public List<JsonNode> events(String path, Duration timeout, Consumer<JsonNode> each) {
        HttpRequest req = request(path).header("Accept", "text/event-stream").timeout(timeout).GET().build();
        try {
            HttpResponse<Stream<String>> res = http.send(req, HttpResponse.BodyHandlers.ofLines());
            if (res.statusCode() != 200) {
                throw new IllegalStateException("event stream answered " + res.statusCode());
            }
            List<JsonNode> events = new ArrayList<>();
            StringBuilder data = new StringBuilder();
            try (Stream<String> lines = res.body()) {
                lines.forEach(line -> {
                    if (line.startsWith("data:")) {
                        data.append(line.substring(5).trim());
                    } else if (line.isEmpty() && !data.isEmpty()) {
                        JsonNode event = JSON.readTree(data.toString());
                        events.add(event);
                        each.accept(event);
                        data.setLength(0);
                    }
                });
            }
            return events;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals(name))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(120));
        if (apiKey != null) {
            b.header("Authorization", "Bearer " + apiKey);
        }
        if (organization != null) {
            b.header("X-Carlo-Organization", organization);
        }
        extraHeaders.forEach(b::header);
        String xsrf = csrfHeader ? cookie("XSRF-TOKEN") : null;
        if (xsrf != null) {
            b.header("X-XSRF-TOKEN", xsrf);
        }
        return b;
    }

    private Response send(HttpRequest.Builder builder) {
        try {
            HttpResponse<byte[]> res = http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
            return new Response(res.statusCode(), new String(res.body(), StandardCharsets.UTF_8), res.headers().map(),
                    res.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static HttpRequest.BodyPublisher json(Object body) {
        return HttpRequest.BodyPublishers.ofString(body instanceof String s ? s : JSON.writeValueAsString(body));
    }
}
