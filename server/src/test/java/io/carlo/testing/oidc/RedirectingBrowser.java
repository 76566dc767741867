package io.carlo.testing.oidc;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A browser for sign-in flows: one cookie jar for every site, redirects followed one hop at a time
 * (so a test can stop at, or change, any hop), HTML forms posted as a person would.
 */
public final class RedirectingBrowser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    public record Page(URI uri, int status, String body, String location) {
        public boolean redirect() {
            return status >= 300 && status < 400 && location != null;
        }

        /** The hidden CSRF token of the page's form. */
        public String csrfToken() {
            Matcher m = CSRF.matcher(body);
            if (!m.find()) {
                throw new IllegalStateException("no CSRF token on " + uri + ": " + body);
            }
            return m.group(1);
        }

        @Override
        public String toString() {
            return status + " " + uri + (location != null ? " -> " + location : "") + " " + body;
        }
    }

    private final CookieManager cookies = new CookieManager();
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
            .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    /** Every page visited, in order. */
    public final List<Page> history = new ArrayList<>();

    public CookieManager cookies() {
        return cookies;
    }

    public Page get(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "text/html,application/xhtml+xml").GET());
    }

    /** A call of a JSON API with this browser's cookies. */
    public Page getJson(String uri) {
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json").GET());
    }

    public Page postForm(String uri, Map<String, String> fields) {
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(URI.create(uri)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    /** Follows redirects from {@code page} until one is not a redirect, or until {@code stop} matches a hop's target. */
    public Page follow(Page page, java.util.function.Predicate<URI> stop) {
        Page current = page;
        for (int hops = 0; current.redirect(); hops++) {
            if (hops > 10) {
                throw new IllegalStateException("too many redirects: " + history);
            }
            URI next = current.uri().resolve(current.location());
            if (stop.test(next)) {
                return current;
            }
            current = get(next.toString());
        }
        return current;
    }

    public Page follow(Page page) {
        return follow(page, uri -> false);
    }

    /** Signs in at the provider's login form shown on {@code loginPage}. */
    public Page logIn(Page loginPage, String user, String password) {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("username", user);
        fields.put("password", password);
        fields.put("_csrf", loginPage.csrfToken());
        return postForm(loginPage.uri().resolve("/login").toString(), fields);
    }

    private Page send(HttpRequest.Builder request) {
        try {
            HttpRequest r = request.timeout(Duration.ofSeconds(30)).build();
            HttpResponse<String> response = http.send(r, HttpResponse.BodyHandlers.ofString());
            Page page = new Page(r.uri(), response.statusCode(), response.body(),
                    response.headers().firstValue("Location").orElse(null));
            history.add(page);
            return page;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
