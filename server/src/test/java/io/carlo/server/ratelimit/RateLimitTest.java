package io.carlo.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.testing.AdjustableClock;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rate limits and the sign-in lock-out through a real port. The server trusts X-Forwarded-For (as
 * behind a proxy), so that each test speaks from client addresses of its own, and runs on a clock
 * that stands still until the test moves it: every Retry-After is exact.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class RateLimitTest {

    static final String TOKEN = "scrape-token-for-tests";
    static final String PASSWORD = "correct horse battery";
    /** Small limits, so that each is reached in a few requests. */
    static final String[] SETTINGS = {"--server.forward-headers-strategy=native", AdjustableClock.ARGUMENT,
        "--carlo.metrics.token=" + TOKEN,
        "--carlo.rate-limits.login=20/1h", "--carlo.rate-limits.login-failures=10/1h",
        "--carlo.rate-limits.signup=3/1h", "--carlo.rate-limits.anonymous=3/1h",
        "--carlo.rate-limits.api-key=5/1h", "--carlo.rate-limits.user=12/1h", "--carlo.rate-limits.heavy-cost=3",
        "--carlo.rate-limits.lockout.free-failures=3", "--carlo.rate-limits.lockout.first=1m",
        "--carlo.rate-limits.lockout.max=4m"};

    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    TestDatabase db;
    RunningServer server;
    AdjustableClock clock;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() {
        db = TestDatabase.create(database());
        server = RunningServer.start(db, SETTINGS);
        clock = server.bean(AdjustableClock.class);
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

    /** A client address no other test uses (TEST-NET-3, documentation addresses). */
    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "203.0." + (113 + n / 250) + "." + (n % 250 + 1);
    }

    /** A client without cookies, speaking from {@code address} through the trusted proxy. */
    ApiClient from(String address) {
        return server.client().header("X-Forwarded-For", address);
    }

    ApiClient signUp(String email, String address) {
        return from(address).signUp(email, email);
    }

    ApiClient.Response login(String address, String email, String password) {
        return from(address).post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    static void assertRefused(ApiClient.Response r, long retryAfter, String limit) {
        assertThat(r.status()).as(r.toString()).isEqualTo(429);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.header("Retry-After")).as(r.toString()).isEqualTo(Long.toString(retryAfter));
        assertThat(r.json().path("title").asString()).isEqualTo("Too many requests");
        assertThat(r.json().path("detail").asString()).contains(limit).contains("try again in " + retryAfter + " second");
    }

    @Test
    void bruteForceIsSlowedThenBlockedForABoundedTimeWhileTheOwnerStillSignsIn() {
        String attacker = newAddress();
        String owner = newAddress();
        signUp("victim@example.com", owner);
        for (int i = 1; i <= 3; i++) { // the free failures
            assertThat(login(attacker, "victim@example.com", "guess " + i).status()).isEqualTo(401);
        }
        assertThat(login(attacker, "victim@example.com", "guess 4").status()).isEqualTo(401); // locks 1 minute
        assertRefused(login(attacker, "victim@example.com", "guess 5"), 60, "failed sign-ins to this account");
        assertThat(login(owner, "victim@example.com", PASSWORD).status()).as("the owner, from their own address")
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(60));
        assertThat(login(attacker, "victim@example.com", "guess 5").status()).isEqualTo(401); // locks 2 minutes
        assertRefused(login(attacker, "victim@example.com", "guess 6"), 120, "failed sign-ins to this account");
        clock.advance(Duration.ofSeconds(120));
        assertThat(login(attacker, "victim@example.com", "guess 6").status()).isEqualTo(401); // 4 minutes
        assertRefused(login(attacker, "victim@example.com", "guess 7"), 240, "failed sign-ins to this account");
        clock.advance(Duration.ofSeconds(240));
        assertThat(login(attacker, "victim@example.com", "guess 7").status()).isEqualTo(401); // still 4: the cap
        assertRefused(login(attacker, "victim@example.com", "guess 8"), 240, "failed sign-ins to this account");
        // while locked even the right password is refused: the lock must not tell a right guess from a wrong one
        assertRefused(login(attacker, "victim@example.com", PASSWORD), 240, "failed sign-ins to this account");
        assertThat(login(newAddress(), "victim@example.com", PASSWORD).status()).as("the owner, from another address")
                .isEqualTo(200);

        clock.advance(Duration.ofSeconds(240));
        assertThat(login(attacker, "victim@example.com", PASSWORD).status()).as("after the lock-out").isEqualTo(200);
        // a success forgets this address's failures: the next typo starts from the free failures again
        assertThat(login(attacker, "victim@example.com", "typo").status()).isEqualTo(401);
        assertThat(login(attacker, "victim@example.com", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void aSignedInAttackerIsLockedOutLikeAnyoneElse() {
        String address = newAddress();
        signUp("target@example.com", newAddress());
        ApiClient attacker = signUp("mallory@example.com", address); // holds a session and its XSRF token
        for (int i = 1; i <= 4; i++) {
            ApiClient.Response r = attacker.post("/api/v1/auth/login",
                    Map.of("email", "target@example.com", "password", "guess " + i));
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
        }
        assertRefused(attacker.post("/api/v1/auth/login", Map.of("email", "target@example.com", "password", "guess 5")),
                60, "failed sign-ins to this account");
    }

    @Test
    void anUnknownAccountIsAnsweredExactlyLikeAKnownOne() {
        String address = newAddress();
        signUp("known@example.com", newAddress());
        for (String email : new String[] {"known@example.com", "nobody@example.com"}) {
            ApiClient.Response first = null;
            for (int i = 1; i <= 4; i++) {
                ApiClient.Response r = login(address, email, "wrong " + i);
                assertThat(r.status()).as(email + ": " + r).isEqualTo(401);
                first = first == null ? r : first;
            }
            assertThat(first.json().path("detail").asString()).isEqualTo("wrong e-mail address or password");
            assertRefused(login(address, email, "wrong 5"), 60, "failed sign-ins to this account");
        }
    }

    @Test
    void passwordSprayingFromOneAddressIsLimitedAcrossAccounts() {
        String sprayer = newAddress();
        for (int i = 1; i <= 10; i++) { // one guess for each of ten accounts: no account's lock-out starts
            assertThat(login(sprayer, "user" + i + "@spray.example", "Summer2026!").status()).isEqualTo(401);
        }
        // 10 failures per hour: the next one comes back in 6 minutes
        assertRefused(login(sprayer, "user11@spray.example", "Summer2026!"), 360, "failed sign-ins from your address");
        signUp("sprayed@example.com", newAddress());
        assertThat(login(newAddress(), "sprayed@example.com", PASSWORD).status()).isEqualTo(200);
    }

    @Test
    void signInAttemptsPerAddressAreLimited() {
        String address = newAddress();
        signUp("busy@example.com", newAddress());
        for (int i = 1; i <= 20; i++) {
            ApiClient.Response r = login(address, "busy@example.com", PASSWORD);
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(20 - i));
        }
        assertRefused(login(address, "busy@example.com", PASSWORD), 180, "sign-in attempts from your address");
    }

    @Test
    void signUpsPerAddressAreLimited() {
        String address = newAddress();
        for (int i = 1; i <= 3; i++) {
            signUp("new" + i + "@signup.example", address);
        }
        ApiClient.Response fourth = from(address).post("/api/v1/auth/signup",
                Map.of("email", "new4@signup.example", "password", PASSWORD, "name", "Four"));
        assertRefused(fourth, 1200, "sign-ups from your address");
        assertThat(from(newAddress()).post("/api/v1/auth/signup",
                Map.of("email", "new4@signup.example", "password", PASSWORD, "name", "Four")).status()).isEqualTo(201);
    }

    @Test
    void otherUnauthenticatedChangesAreLimitedPerAddress() {
        String address = newAddress();
        for (int i = 1; i <= 3; i++) {
            assertThat(from(address).post("/api/v1/auth/logout", Map.of()).status()).isEqualTo(401);
        }
        assertRefused(from(address).post("/api/v1/auth/logout", Map.of()), 1200, "unauthenticated requests");
    }

    @Test
    void eachApiKeyHasItsOwnBucketAndHeavyRoutesCostMore() {
        ApiClient owner = signUp("keys@example.com", newAddress());
        ApiClient first = owner.newKey("analyst");
        ApiClient second = owner.newKey("analyst");
        for (int i = 1; i <= 5; i++) {
            ApiClient.Response r = first.get("/api/v1/workbooks");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Limit")).isEqualTo("5");
            assertThat(r.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(5 - i));
        }
        ApiClient.Response refused = first.get("/api/v1/workbooks");
        assertRefused(refused, 720, "requests with this API key"); // 5 per hour: one every 12 minutes
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");

        // an upload costs 3 tokens, whatever it contains
        assertThat(second.upload("/api/v1/workbooks", "not-a-workbook.xlsx", new byte[] {1, 2, 3}).status())
                .isNotEqualTo(429);
        assertRefused(second.upload("/api/v1/workbooks", "not-a-workbook.xlsx", new byte[] {1, 2, 3}), 720,
                "requests with this API key");
        assertThat(second.get("/api/v1/workbooks").status()).as("2 tokens were left").isEqualTo(200);

        clock.advance(Duration.ofMinutes(12));
        assertThat(first.get("/api/v1/workbooks").status()).as("one token refilled").isEqualTo(200);
        assertThat(first.get("/api/v1/workbooks").status()).isEqualTo(429);
    }

    @Test
    void aBrowserSessionIsLimitedPerUser() {
        ApiClient user = signUp("browser@example.com", newAddress()); // GET /me took the first token
        for (int i = 2; i <= 12; i++) {
            assertThat(user.get("/api/v1/me").status()).isEqualTo(200);
        }
        assertRefused(user.get("/api/v1/me"), 300, "requests from your account");
        // the same user signed in elsewhere shares the bucket: the limit is the account's
        ApiClient elsewhere = from(newAddress());
        assertThat(elsewhere.post("/api/v1/auth/login", Map.of("email", "browser@example.com", "password", PASSWORD))
                .status()).isEqualTo(200);
        assertThat(elsewhere.get("/api/v1/me").status()).isEqualTo(429);
    }

    @Test
    void rejectionsAreCountedByLimitFromTheStart() throws Exception {
        for (String limit : new String[] {"login", "login_failures", "login_lockout", "signup", "anonymous", "api_key",
            "user"}) {
            assertThat(rejections(limit)).as(limit).isGreaterThanOrEqualTo(0.0);
        }
        double before = rejections("anonymous");
        String address = newAddress();
        for (int i = 0; i < 4; i++) {
            from(address).post("/api/v1/auth/logout", Map.of());
        }
        assertThat(rejections("anonymous")).isEqualTo(before + 1);
    }

    @Test
    void bucketsLiveInTheDatabaseOnlyWithPostgres() throws Exception {
        signUp("rows@example.com", newAddress()).get("/api/v1/me");
        try (Connection c = db.connect(); ResultSet rs = c.createStatement()
                .executeQuery("select count(*) from " + DatabaseBucketStore.TABLE)) {
            rs.next();
            if (database() == TestDatabase.Kind.POSTGRES) {
                assertThat(rs.getLong(1)).isPositive();
            } else {
                assertThat(rs.getLong(1)).as("the embedded database's buckets are in memory").isZero();
            }
        }
    }

    /** {@code carlo_rate_limit_rejections_total{limit=...}} as Prometheus scrapes it. */
    double rejections(String limit) throws Exception {
        HttpResponse<String> scraped = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create(server.baseUrl() + "/actuator/prometheus")).header("Authorization", "Bearer " + TOKEN)
                .build(), HttpResponse.BodyHandlers.ofString());
        assertThat(scraped.statusCode()).isEqualTo(200);
        String prefix = "carlo_rate_limit_rejections_total{application=\"carlo\",limit=\"" + limit + "\"} ";
        return scraped.body().lines().filter(l -> l.startsWith(prefix))
                .mapToDouble(l -> Double.parseDouble(l.substring(prefix.length()).trim())).findFirst()
                .orElseThrow(() -> new AssertionError("no series for limit " + limit + " in\n" + scraped.body()));
    }
}
