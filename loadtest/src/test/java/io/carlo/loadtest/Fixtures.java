package io.carlo.loadtest;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the load test needs before it starts: organizations, each with API keys (one per virtual
 * user it will serve, so that per-key rate limits apply as they would to people), the start-up
 * plan and a small workbook uploaded, and one finished simulation to browse. Made through the
 * public API, as a user would.
 */
final class Fixtures {

    record Tenant(List<String> apiKeys, String workbookId, String smallWorkbookId, String simulationId) {
    }

    private static final Pattern FIELD = Pattern.compile("\"(id|secret|state)\"\\s*:\\s*\"([^\"]+)\"");

    private Fixtures() {
    }

    static Path workbook(String name) {
        Path here = Path.of("").toAbsolutePath();
        for (Path dir = here; dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/workbooks").resolve(name);
            if (Files.exists(candidate)) {
                return candidate;
            }
            Path sibling = dir.resolve("../shared/workbooks").resolve(name).normalize();
            if (Files.exists(sibling)) {
                return sibling;
            }
        }
        throw new IllegalStateException("workbook " + name + " not found in ../shared/workbooks above " + here);
    }

    static List<Tenant> prepare(String url, int count, int keysEach) {
        List<Tenant> tenants = new ArrayList<>();
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < count; i++) {
            tenants.add(tenant(url, "load-" + run + "-" + i + "@example.com", keysEach));
        }
        return tenants;
    }

    private static Tenant tenant(String url, String email, int keysEach) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .connectTimeout(Duration.ofSeconds(10)).build();
        send(browser, json(url + "/api/v1/auth/signup", null, null,
                "{\"email\":\"" + email + "\",\"password\":\"correct horse battery\",\"name\":\"Load\"}"), 201);
        send(browser, HttpRequest.newBuilder(URI.create(url + "/api/v1/me")).GET().build(), 200);
        List<String> keys = new ArrayList<>();
        for (int i = 0; i < Math.max(1, keysEach); i++) {
            // the server may renew the XSRF token with any answer: read the cookie each time, as the UI does
            String xsrf = ((CookieManager) browser.cookieHandler().orElseThrow()).getCookieStore().getCookies().stream()
                    .filter(c -> c.getName().equals("XSRF-TOKEN")).findFirst().orElseThrow().getValue();
            keys.add(field(send(browser, json(url + "/api/v1/api-keys", null, xsrf,
                    "{\"name\":\"load " + i + "\",\"role\":\"analyst\"}"), 201), "secret"));
        }
        String key = keys.get(0);
        HttpClient program = HttpClient.newHttpClient();
        String plan = field(upload(program, url, key, workbook("startup-36-month-plan.xlsx")), "id");
        String small = field(upload(program, url, key, workbook("project-costs.xlsx")), "id");
        String simulation = field(send(program, json(url + "/api/v1/simulations", key, null, """
                {"workbookId": "%s", "iterations": 10000, "seed": 1,
                 "inputs": [{"cell": "'WIZEMICE Likest'!F4", "distribution": "Triangular(0.05,0.10,0.15)"},
                            {"cell": "'WIZEMICE Likest'!F8", "distribution": "Triangular(30,40,100)"}],
                 "outputs": [{"cell": "'WIZEMICE Likest'!B12"}, {"cell": "'WIZEMICE Likest'!B9"}]}"""
                .formatted(plan)), 201), "id");
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        while (!"completed".equals(field(send(program, HttpRequest.newBuilder(URI.create(url + "/api/v1/simulations/"
                + simulation)).header("Authorization", "Bearer " + key).GET().build(), 200), "state"))) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the fixture simulation did not complete");
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return new Tenant(List.copyOf(keys), plan, small, simulation);
    }

    private static HttpRequest json(String url, String key, String xsrf, String body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (key != null) {
            b.header("Authorization", "Bearer " + key);
        }
        if (xsrf != null) {
            b.header("X-XSRF-TOKEN", xsrf);
        }
        return b.build();
    }

    private static String upload(HttpClient http, String url, String key, Path file) {
        String boundary = "carlo" + UUID.randomUUID();
        try {
            byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                    + file.getFileName() + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes();
            byte[] content = Files.readAllBytes(file);
            byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes();
            byte[] body = new byte[head.length + content.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(content, 0, body, head.length, content.length);
            System.arraycopy(tail, 0, body, head.length + content.length, tail.length);
            return send(http, HttpRequest.newBuilder(URI.create(url + "/api/v1/workbooks"))
                    .header("Authorization", "Bearer " + key)
                    .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), 201);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String send(HttpClient http, HttpRequest request, int expected) {
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != expected) {
                throw new IllegalStateException(request.method() + " " + request.uri() + " answered "
                        + response.statusCode() + ": " + response.body());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("cannot reach " + request.uri() + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String field(String json, String name) {
        Matcher m = FIELD.matcher(json);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new IllegalStateException("no \"" + name + "\" in " + json);
    }
}
