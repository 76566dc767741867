package io.carlo.server.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What browsers are told, through a real port: security headers, cookie flags, CORS. One server with
 * the defaults (no proxy trusted, CORS closed); one behind a trusted proxy, with Secure cookies and
 * one origin allowed.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrowserProtectionsTest {

    static final String ALLOWED = "https://app.example.com";
    static final String FOREIGN = "https://evil.example";

    private TestDatabase db;
    private RunningServer plain;
    private RunningServer proxied;
    private String apiKey;

    @BeforeAll
    void start() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        plain = RunningServer.start(db, "--carlo.rate-limits.anonymous=2/1h");
        apiKey = plain.client().signUp("ada@example.com", "Ada").newKey("viewer").apiKey();
        proxied = RunningServer.start(db, "--server.forward-headers-strategy=native", "--carlo.sessions.secure-cookie=always",
                "--carlo.cors.allowed-origins=" + ALLOWED + ",https://other.example.com");
    }

    @AfterAll
    void stop() throws Exception {
        for (AutoCloseable c : new AutoCloseable[] {plain, proxied, db}) {
            if (c != null) {
                c.close();
            }
        }
    }

    @Test
    void apiAnswersForbidSniffingFramingReferrersPowerfulFeaturesAndCaching() {
        ApiClient.Response r = signedIn(plain).get("/api/v1/me");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(r.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(r.header("Content-Security-Policy")).contains("frame-ancestors 'none'").contains("script-src 'self';");
        assertThat(r.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(r.header("Permissions-Policy")).contains("camera=()").contains("microphone=()").contains("geolocation=()");
        assertThat(r.header("Cache-Control")).contains("no-store");
        assertThat(r.header("Strict-Transport-Security")).as("plain HTTP").isNull();
    }

    @Test
    void theUiPageHasTheSameProtectionsAndItsAssetsStayCacheable() {
        ApiClient.Response page = plain.client().get("/");
        assertThat(page.status()).isEqualTo(200);
        String csp = page.header("Content-Security-Policy");
        assertThat(csp).contains("frame-ancestors 'none'");
        assertThat(List.of(csp.split(";"))).filteredOn(d -> d.trim().startsWith("script-src")).singleElement()
                .asString().doesNotContain("unsafe-inline");
        assertThat(page.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Permissions-Policy")).isNotNull();
    }

    @Test
    void hstsOnlyOverHttpsAndAProxysWordCountsOnlyWhenTheProxyIsTrusted() {
        ApiClient.Response claimed = plain.client().header("X-Forwarded-Proto", "https").get("/api/v1/distributions");
        assertThat(claimed.header("Strict-Transport-Security")).as("untrusted X-Forwarded-Proto").isNull();
        ApiClient.Response behindTls = proxied.client().header("X-Forwarded-Proto", "https").get("/");
        assertThat(behindTls.header("Strict-Transport-Security")).startsWith("max-age=31536000").contains("includeSubDomains");
        assertThat(proxied.client().get("/").header("Strict-Transport-Security")).as("plain HTTP to the proxy").isNull();
    }

    @Test
    void xForwardedForIsIgnoredUnlessTheProxyIsTrusted() {
        // three anonymous requests "from" three addresses: all from 127.0.0.1, whose limit is 2 per hour
        ApiClient.Response last = null;
        for (String address : List.of("198.51.100.7", "198.51.100.8", "198.51.100.9")) {
            last = plain.client().header("X-Forwarded-For", address).post("/api/v1/invitations/x/accept", Map.of());
        }
        assertThat(last.status()).isEqualTo(429);
        assertThat(last.header("Retry-After")).isNotNull();
    }

    @Test
    void sessionAndXsrfCookiesCarryTheirFlags() {
        ApiClient browser = plain.client();
        ApiClient.Response signIn = browser.post("/api/v1/auth/login",
                Map.of("email", "ada@example.com", "password", "correct horse battery"));
        assertThat(signIn.status()).isEqualTo(200);
        String session = cookie(signIn, "CARLO_SESSION");
        assertThat(session).contains("HttpOnly").contains("SameSite=Lax").contains("Path=/").doesNotContain("Secure");
        String xsrf = cookie(browser.get("/api/v1/me"), "XSRF-TOKEN");
        assertThat(xsrf).contains("SameSite=Lax").contains("Path=/").doesNotContain("HttpOnly").doesNotContain("Secure");

        ApiClient secure = proxied.client();
        ApiClient.Response secureSignIn = secure.post("/api/v1/auth/login",
                Map.of("email", "ada@example.com", "password", "correct horse battery"));
        assertThat(cookie(secureSignIn, "CARLO_SESSION")).contains("Secure").contains("HttpOnly");
        // (the client keeps Secure cookies to itself over plain HTTP, so this request is anonymous)
        assertThat(cookie(secure.get("/api/v1/distributions"), "XSRF-TOKEN")).contains("Secure").contains("SameSite=Lax");
    }

    @Test
    void corsIsClosedByDefault() {
        ApiClient.Response preflight = preflight(plain, FOREIGN);
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
        ApiClient.Response read = signedIn(plain).header("Origin", FOREIGN).get("/api/v1/me");
        assertThat(read.header("Access-Control-Allow-Origin")).isNull();
        assertThat(preflight(plain, ALLOWED).status()).as("no origin is allowed by default").isEqualTo(403);
    }

    @Test
    void corsOpensForTheListedOriginsOnlyAndNeverWithCredentials() {
        ApiClient.Response allowed = preflight(proxied, ALLOWED);
        assertThat(allowed.status()).isEqualTo(200);
        assertThat(allowed.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(allowed.header("Access-Control-Allow-Methods")).contains("POST");
        assertThat(allowed.header("Access-Control-Allow-Headers")).containsIgnoringCase("authorization");
        assertThat(allowed.header("Access-Control-Allow-Credentials")).isNull();
        assertThat(preflight(proxied, "https://other.example.com").status()).isEqualTo(200);

        ApiClient.Response foreign = preflight(proxied, FOREIGN);
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(foreign.header("Access-Control-Allow-Origin")).isNull();

        ApiClient program = proxied.client().withKey(apiKey);
        ApiClient.Response read = program.header("Origin", ALLOWED).get("/api/v1/workbooks");
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Access-Control-Allow-Origin")).isEqualTo(ALLOWED);
        assertThat(read.header("Access-Control-Expose-Headers")).contains("Retry-After");
        ApiClient.Response unlisted = proxied.client().withKey(apiKey).header("Origin", FOREIGN).get("/api/v1/workbooks");
        assertThat(unlisted.status()).as("answered, but its page may not read it").isEqualTo(200);
        assertThat(unlisted.header("Access-Control-Allow-Origin")).isNull();
    }

    private static ApiClient.Response preflight(RunningServer server, String origin) {
        return server.client().header("Origin", origin).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization,content-type")
                .send("OPTIONS", "/api/v1/simulations", null);
    }

    private static ApiClient signedIn(RunningServer server) {
        ApiClient c = server.client();
        assertThat(c.post("/api/v1/auth/login", Map.of("email", "ada@example.com", "password", "correct horse battery"))
                .status()).isEqualTo(200);
        c.get("/api/v1/me");
        return c;
    }

    private static String cookie(ApiClient.Response r, String name) {
        return r.headers("Set-Cookie").stream().filter(c -> c.startsWith(name + "=")).findFirst()
                .orElseThrow(() -> new AssertionError("no " + name + " cookie in " + r.headers("Set-Cookie")));
    }
}
