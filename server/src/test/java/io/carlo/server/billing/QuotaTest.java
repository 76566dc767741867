package io.carlo.server.billing;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.simulations.JobQueue;
import io.carlo.server.simulations.SimulationRecord;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.ApiClient.Response;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Plans and quotas through a real port: each limit refused with the same clear 403, whether the
 * request comes from a browser session or an API key; concurrent runs over the limit wait in the
 * queue; the usage answer counts right and only an organization's admins see it; only the
 * operator's token changes a plan. New organizations start on the Free plan here (the server's
 * default is Enterprise), with small limits so that each is reached in a few requests. Runs on H2
 * and on PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class QuotaTest {

    static final String OPERATOR_TOKEN = "operator-token-for-tests";
    static final String METRICS_TOKEN = "metrics-token-for-tests";
    static final long STORAGE = 64 * 1024;
    static final String[] SETTINGS = {"--carlo.plans.default-plan=free",
        "--carlo.plans.free.runs-per-month=3", "--carlo.plans.free.members=2",
        "--carlo.plans.free.storage=64KB", "--carlo.plans.team.concurrent-runs=1",
        "--carlo.operator.token=" + OPERATOR_TOKEN, "--carlo.metrics.token=" + METRICS_TOKEN,
        "--carlo.rate-limits.enabled=false", "--carlo.workers.slots=2", "--carlo.workers.threads=1",
        "--carlo.simulations.max-concurrent-per-organization=4"};
    private static final String PROBLEM_JSON = "application/problem+json";
    private static final String CELL = "'Monte Carlo Test'!";
    private static final String STARTUP = "'WIZEMICE Likest'!";
    private static final AtomicInteger PEOPLE = new AtomicInteger();

    TestDatabase db;
    RunningServer server;
    private byte[] simpleWorkbook;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() throws IOException {
        db = TestDatabase.create(database());
        server = RunningServer.start(db, SETTINGS);
        simpleWorkbook = Files.readAllBytes(TestWorkbooks.shared("simple-monte-carlo.xlsx"));
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

    /** A signed-up owner (a new organization, on the default plan) and that organization's id. */
    record Owner(ApiClient session, String organizationId) {
    }

    Owner newOrganization() {
        ApiClient session = server.client().signUp(newEmail(), "Owner");
        return new Owner(session, session.get("/api/v1/me").json().path("organization").path("id").asString());
    }

    static String newEmail() {
        return "person" + PEOPLE.incrementAndGet() + "@quota.test";
    }

    ApiClient operator() {
        return server.client().header("Authorization", "Bearer " + OPERATOR_TOKEN);
    }

    Response setPlan(String organizationId, String plan) {
        return operator().put("/api/v1/operator/organizations/" + organizationId + "/plan", Map.of("plan", plan));
    }

    String upload(ApiClient client, byte[] content) {
        return expect(client.upload("/api/v1/workbooks", "model.xlsx", content), 201).json().path("id").asString();
    }

    static Map<String, Object> simpleRun(String workbookId, long iterations) {
        return Map.of("workbookId", workbookId, "iterations", iterations, "seed", 7,
                "inputs", List.of(Map.of("cell", CELL + "B2", "distribution", "Normal(1000, 100)")),
                "outputs", List.of(Map.of("cell", CELL + "B7")));
    }

    static Map<String, Object> startupRun(String workbookId, long iterations) {
        return Map.of("workbookId", workbookId, "iterations", iterations, "seed", 5,
                "inputs", List.of(Map.of("cell", STARTUP + "F4", "distribution", "Triangular(0.05, 0.10, 0.15)")),
                "outputs", List.of(Map.of("cell", STARTUP + "B12")));
    }

    static Response expect(Response r, int status) {
        assertThat(r.status()).as(() -> "answered " + r).isEqualTo(status);
        return r;
    }

    /** The 403 of a quota: its type, the quota, its limit, what is used, and the sentence a person reads. */
    static JsonNode assertQuotaExceeded(Response r, String quota, long limit, long used) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.contentType()).isEqualTo(PROBLEM_JSON);
        JsonNode p = r.json();
        assertThat(p.path("type").asString()).isEqualTo("urn:carlo:problem:quota-exceeded");
        assertThat(p.path("title").asString()).isEqualTo("Quota exceeded");
        assertThat(p.path("quota").asString()).isEqualTo(quota);
        assertThat(p.path("limit").asLong()).isEqualTo(limit);
        assertThat(p.path("used").asLong()).isEqualTo(used);
        assertThat(p.path("detail").asString()).startsWith("This organization's ").contains(" plan allows ")
                .doesNotContain("Exception");
        return p;
    }

    static JsonNode quota(JsonNode usage, String name) {
        for (JsonNode q : usage.path("quotas")) {
            if (q.path("quota").asString().equals(name)) {
                return q;
            }
        }
        throw new AssertionError("no quota " + name + " in " + usage);
    }

    // ---------------------------------------------------------------------------------------------

    @Test
    void iterationsOverThePlanAreRefusedForSessionsAndApiKeysAlike() {
        Owner owner = newOrganization();
        ApiClient key = owner.session().newKey("analyst");
        String workbook = upload(key, simpleWorkbook);
        double before = rejections("iterations_per_run");

        for (ApiClient caller : List.of(owner.session(), key)) {
            JsonNode p = assertQuotaExceeded(caller.post("/api/v1/simulations", simpleRun(workbook, 10_001)),
                    "iterations_per_run", 10_000, 10_001);
            assertThat(p.path("detail").asString()).isEqualTo("This organization's Free plan allows 10,000 iterations "
                    + "per run; ask for at most 10,000 or upgrade.");
            assertThat(p.path("plan").asString()).isEqualTo("FREE");
        }
        expect(key.post("/api/v1/simulations", simpleRun(workbook, 10_000)), 201);
        assertThat(rejections("iterations_per_run") - before).as("carlo_quota_rejections_total").isEqualTo(2.0);

        // on Team the same request is allowed: the plan, not a fixed number, decides
        expect(setPlan(owner.organizationId(), "team"), 200);
        expect(key.post("/api/v1/simulations", simpleRun(workbook, 10_001)), 201);
    }

    @Test
    void runsPerMonthAreCountedAndDeletingARunDoesNotGiveItBack() {
        Owner owner = newOrganization();
        ApiClient key = owner.session().newKey("analyst");
        String workbook = upload(owner.session(), simpleWorkbook);
        String first = expect(owner.session().post("/api/v1/simulations", simpleRun(workbook, 100)), 201)
                .json().path("id").asString();
        expect(key.post("/api/v1/simulations", simpleRun(workbook, 100)), 201);
        expect(key.post("/api/v1/simulations", simpleRun(workbook, 100)), 201);

        String month = java.time.YearMonth.now(java.time.ZoneOffset.UTC).toString();
        for (ApiClient caller : List.of(key, owner.session())) {
            JsonNode p = assertQuotaExceeded(caller.post("/api/v1/simulations", simpleRun(workbook, 100)),
                    "runs_per_month", 3, 3);
            assertThat(p.path("detail").asString()).isEqualTo("This organization's Free plan allows 3 runs per month; "
                    + "3 were started in " + month + "; wait for next month or upgrade.");
        }

        awaitFinished(owner.session(), first);
        expect(owner.session().delete("/api/v1/simulations/" + first), 204);
        assertQuotaExceeded(key.post("/api/v1/simulations", simpleRun(workbook, 100)), "runs_per_month", 3, 3);
        JsonNode usage = expect(owner.session().get("/api/v1/organizations/" + owner.organizationId() + "/usage"), 200)
                .json();
        assertThat(quota(usage, "runs_per_month").path("used").asLong()).isEqualTo(3);
        assertThat(usage.path("period").asString()).isEqualTo(month);
    }

    @Test
    void storageCountsWorkbooksAndAWorkbookThatWouldOverflowIsRefused() throws IOException {
        Owner owner = newOrganization();
        ApiClient key = owner.session().newKey("analyst");
        byte[] big = workbookOfAbout(36 * 1024);
        assertThat(big.length).as("the test's workbook: more than half the storage, less than all of it")
                .isBetween((int) STORAGE / 2 + 1, (int) STORAGE - 1);
        String bigId = upload(owner.session(), big);

        for (ApiClient caller : List.of(owner.session(), key)) {
            JsonNode p = assertQuotaExceeded(caller.upload("/api/v1/workbooks", "again.xlsx", big), "storage_bytes",
                    STORAGE, big.length);
            assertThat(p.path("detail").asString()).startsWith("This organization's Free plan allows 64 KB of storage "
                    + "(workbooks and results); ").endsWith("; delete workbooks or simulations, or upgrade.");
        }
        upload(key, simpleWorkbook); // what still fits is stored
        JsonNode usage = expect(owner.session().get("/api/v1/organizations/" + owner.organizationId() + "/usage"), 200)
                .json();
        assertThat(quota(usage, "storage_bytes").path("used").asLong()).isEqualTo(big.length + simpleWorkbook.length);
        assertThat(quota(usage, "storage_bytes").path("limit").asLong()).isEqualTo(STORAGE);

        expect(owner.session().delete("/api/v1/workbooks/" + bigId), 204);
        upload(key, big); // deleting frees the room
    }

    @Test
    void membersCountOpenInvitationsAndAFullOrganizationTakesNoOneMore() {
        Owner owner = newOrganization(); // Free: 2 members, the owner is one
        String invitations = "/api/v1/organization/invitations";
        Response first = expect(owner.session().post(invitations, Map.of("email", "first@join.test", "role",
                "analyst")), 201);
        JsonNode p = assertQuotaExceeded(owner.session().post(invitations, Map.of("email", "second@join.test")),
                "members", 2, 2);
        assertThat(p.path("detail").asString()).isEqualTo("This organization's Free plan allows 2 members; it has 1 "
                + "member and 1 open invitation; remove a member or withdraw an invitation, or upgrade.");
        expect(owner.session().delete(invitations + "/" + first.json().path("id").asString()), 204);
        String second = expect(owner.session().post(invitations, Map.of("email", "second@join.test")), 201)
                .json().path("token").asString();

        // invitations sent while on Team, accepted after a move back to Free: the last one no longer fits
        expect(setPlan(owner.organizationId(), "team"), 200);
        String third = expect(owner.session().post(invitations, Map.of("email", "third@join.test")), 201)
                .json().path("token").asString();
        expect(setPlan(owner.organizationId(), "free"), 200);
        ApiClient secondPerson = server.client().signUp("second@join.test", "Second");
        expect(secondPerson.send("POST", "/api/v1/invitations/" + second + "/accept", null), 200);
        ApiClient thirdPerson = server.client().signUp("third@join.test", "Third");
        p = assertQuotaExceeded(thirdPerson.send("POST", "/api/v1/invitations/" + third + "/accept", null), "members",
                2, 2);
        assertThat(p.path("detail").asString()).isEqualTo("This organization's Free plan allows 2 members; it has 2; "
                + "an admin must remove a member first, or upgrade.");
        assertThat(owner.session().get("/api/v1/organization/members").json().size()).isEqualTo(2);
    }

    @Test
    void aRunOverTheConcurrentLimitWaitsInTheQueueUntilTheFirstEnds() throws Exception {
        Owner owner = newOrganization();
        expect(setPlan(owner.organizationId(), "team"), 200); // Team runs 1 at a time here
        ApiClient key = owner.session().newKey("analyst");
        String workbook = upload(key, Files.readAllBytes(TestWorkbooks.shared("startup-36-month-plan.xlsx")));
        String first = expect(key.post("/api/v1/simulations", startupRun(workbook, 200_000)), 201)
                .json().path("id").asString();
        CompletableFuture<Void> running = new CompletableFuture<>();
        CompletableFuture.runAsync(() -> key.events("/api/v1/simulations/" + first + "/events", Duration.ofMinutes(3),
                e -> {
                    if (e.path("state").asString().equals("running")) {
                        running.complete(null);
                    }
                }));
        running.get(2, TimeUnit.MINUTES);

        Response second = expect(key.post("/api/v1/simulations", startupRun(workbook, 1_000)), 201);
        String secondId = second.json().path("id").asString();
        assertThat(second.json().path("state").asString()).isEqualTo("queued");
        JsonNode usage = expect(owner.session().get("/api/v1/organizations/" + owner.organizationId() + "/usage"), 200)
                .json();
        assertThat(quota(usage, "concurrent_runs").path("limit").asLong()).isEqualTo(1);
        assertThat(quota(usage, "concurrent_runs").path("used").asLong()).isEqualTo(1);
        // the queue itself, asked for work while the first run holds the organization's only place (a second
        // worker slot of this server is free): it hands out anything but the second run
        JobQueue queue = server.bean(JobQueue.class);
        Optional<SimulationRecord> probe = queue.claim("quota-test-probe");
        probe.ifPresent(other -> queue.release(other.id(), "quota-test-probe")); // another test's run: given back
        assertThat(probe.map(r -> r.id().toString())).as("claimed while the first run ran").isNotEqualTo(
                Optional.of(secondId));
        assertThat(key.get("/api/v1/simulations/" + first).json().path("state").asString())
                .as("the first run must still be running after the probe: raise its iterations").isEqualTo("running");
        assertThat(key.get("/api/v1/simulations/" + secondId).json().path("state").asString()).isEqualTo("queued");

        expect(key.send("POST", "/api/v1/simulations/" + first + "/cancel", null), 200);
        List<JsonNode> events = key.events("/api/v1/simulations/" + secondId + "/events", Duration.ofMinutes(3));
        assertThat(events.getLast().path("state").asString()).as("queued, then run to its end: %s", events)
                .isEqualTo("completed");
        assertThat(awaitFinished(key, first).path("state").asString()).isEqualTo("cancelled");
    }

    @Test
    void usageIsForTheOrganizationsAdminsOnly() {
        Owner owner = newOrganization();
        String path = "/api/v1/organizations/" + owner.organizationId() + "/usage";
        JsonNode usage = expect(owner.session().get(path), 200).json();
        assertThat(usage.path("plan").asString()).isEqualTo("FREE");
        assertThat(usage.path("planName").asString()).isEqualTo("Free");
        assertThat(usage.path("organizationId").asString()).isEqualTo(owner.organizationId());
        assertThat(usage.path("quotas").findValuesAsString("quota")).containsExactly("iterations_per_run",
                "runs_per_month", "storage_bytes", "concurrent_runs", "members");
        assertThat(quota(usage, "iterations_per_run").path("limit").asLong()).isEqualTo(10_000);
        assertThat(quota(usage, "iterations_per_run").has("used")).isFalse();
        assertThat(quota(usage, "members").path("used").asLong()).isEqualTo(1);
        assertThat(quota(usage, "members").path("limit").asLong()).isEqualTo(2);
        assertThat(quota(usage, "storage_bytes").path("used").asLong()).isZero();
        assertThat(quota(usage, "runs_per_month").path("used").asLong()).isZero();

        // an owner's API key sees it; an analyst's key and an analyst member do not
        expect(owner.session().newKey("owner").get(path), 200);
        assertForbidden(owner.session().newKey("analyst").get(path));
        String analystEmail = newEmail();
        String token = expect(owner.session().post("/api/v1/organization/invitations", Map.of("email", analystEmail,
                "role", "analyst")), 201).json().path("token").asString();
        ApiClient analyst = server.client().signUp(analystEmail, "Analyst");
        expect(analyst.send("POST", "/api/v1/invitations/" + token + "/accept", null), 200);
        expect(analyst.put("/api/v1/me/organization", Map.of("organizationId", owner.organizationId())), 200);
        assertForbidden(analyst.get(path));

        // another organization, by session or by key, finds nothing
        Owner other = newOrganization();
        for (ApiClient stranger : List.of(other.session(), other.session().newKey("owner"))) {
            Response r = stranger.get(path);
            assertThat(r.status()).as(r.toString()).isEqualTo(404);
            assertThat(r.json().has("plan")).as(r.toString()).isFalse();
            assertThat(r.json().has("quotas")).as(r.toString()).isFalse();
        }

        // the Enterprise plan: no limits but the server's own
        expect(setPlan(owner.organizationId(), "enterprise"), 200);
        usage = expect(owner.session().get(path), 200).json();
        assertThat(quota(usage, "members").path("unlimited").asBoolean()).isTrue();
        assertThat(quota(usage, "members").has("limit")).isFalse();
        assertThat(quota(usage, "concurrent_runs").path("limit").asLong()).as("the server's own limit").isEqualTo(4);
    }

    @Test
    void onlyTheOperatorTokenChangesAPlan() {
        Owner owner = newOrganization();
        String path = "/api/v1/operator/organizations/" + owner.organizationId() + "/plan";
        Map<String, String> team = Map.of("plan", "TEAM");
        ApiClient ownerKey = owner.session().newKey("owner");
        for (ApiClient notOperator : List.of(server.client(), owner.session(), ownerKey,
                server.client().header("Authorization", "Bearer " + OPERATOR_TOKEN + "x"),
                server.client().header("Authorization", "Bearer operator-token-for-test"))) {
            Response r = notOperator.put(path, team);
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.contentType()).isEqualTo(PROBLEM_JSON);
            assertThat(r.header("WWW-Authenticate")).startsWith("Bearer");
        }
        String usage = "/api/v1/organizations/" + owner.organizationId() + "/usage";
        assertThat(owner.session().get(usage).json().path("plan").asString()).isEqualTo("FREE");

        JsonNode changed = expect(setPlan(owner.organizationId(), "TEAM"), 200).json();
        assertThat(changed.path("plan").asString()).isEqualTo("TEAM");
        assertThat(owner.session().get(usage).json().path("plan").asString()).isEqualTo("TEAM");
        // the organization's admins see the operator's change in their audit log
        JsonNode entry = owner.session().get("/api/v1/organizations/" + owner.organizationId()
                + "/audit?action=organization.plan_change").json().path("entries").get(0);
        assertThat(entry.path("details").path("from").asString()).isEqualTo("free");
        assertThat(entry.path("details").path("to").asString()).isEqualTo("team");
        assertThat(entry.path("actorType").asString()).isEqualToIgnoringCase("system");

        Response unknownPlan = setPlan(owner.organizationId(), "platinum");
        assertThat(unknownPlan.status()).as(unknownPlan.toString()).isEqualTo(400);
        assertThat(unknownPlan.json().path("detail").asString()).contains("free, team, enterprise");
        Response unknownOrganization = setPlan(java.util.UUID.randomUUID().toString(), "team");
        assertThat(unknownOrganization.status()).as(unknownOrganization.toString()).isEqualTo(404);
        assertThat(unknownOrganization.contentType()).isEqualTo(PROBLEM_JSON);
    }

    @Test
    void withoutAnOperatorTokenTheOperatorRoutesAreNotServed() {
        try (RunningServer plain = RunningServer.start(db, "--carlo.rate-limits.enabled=false",
                "--carlo.workers.enabled=false")) {
            ApiClient owner = plain.client().signUp(newEmail(), "Owner");
            String org = owner.get("/api/v1/me").json().path("organization").path("id").asString();
            for (ApiClient caller : List.of(plain.client(), owner,
                    plain.client().header("Authorization", "Bearer " + OPERATOR_TOKEN))) {
                Response r = caller.put("/api/v1/operator/organizations/" + org + "/plan", Map.of("plan", "team"));
                assertThat(r.status()).as(r.toString()).isEqualTo(404);
                assertThat(r.contentType()).isEqualTo(PROBLEM_JSON);
            }
            // and a server left at its defaults limits no one: new organizations are Enterprise
            assertThat(owner.get("/api/v1/organizations/" + org + "/usage").json().path("plan").asString())
                    .isEqualTo("ENTERPRISE");
        }
    }

    // ---------------------------------------------------------------------------------------------

    private static void assertForbidden(Response r) {
        assertThat(r.status()).as(r.toString()).isEqualTo(403);
        assertThat(r.contentType()).isEqualTo(PROBLEM_JSON);
        assertThat(r.json().path("type").asString()).isNotEqualTo("urn:carlo:problem:quota-exceeded");
    }

    /** Follows the run's progress to its end; its final state. */
    private static JsonNode awaitFinished(ApiClient client, String id) {
        client.events("/api/v1/simulations/" + id + "/events", Duration.ofMinutes(3));
        JsonNode s = client.get("/api/v1/simulations/" + id).json();
        assertThat(s.path("state").asString()).as(s.toString()).isIn("completed", "cancelled");
        return s;
    }

    /** The counter of refusals of {@code quota}, as Prometheus scrapes it. */
    private double rejections(String quota) {
        Response r = server.client().header("Authorization", "Bearer " + METRICS_TOKEN).get("/actuator/prometheus");
        assertThat(r.status()).isEqualTo(200);
        Matcher m = Pattern.compile("^carlo_quota_rejections_total\\{[^}]*quota=\"" + quota + "\"[^}]*} (\\S+)$",
                Pattern.MULTILINE).matcher(r.body());
        assertThat(m.find()).as("carlo_quota_rejections_total{quota=%s} in %s", quota, r.body()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** A valid workbook of random text, about {@code bytes} long once zipped (random text does not compress much). */
    private static byte[] workbookOfAbout(int bytes) throws IOException {
        SecureRandom random = new SecureRandom();
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        try (XSSFWorkbook book = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = book.createSheet("Data");
            int cells = bytes / 30; // about 40 characters of 6 bits each, plus the XML around them
            for (int i = 0; i < cells; i++) {
                Row row = sheet.createRow(i);
                StringBuilder text = new StringBuilder();
                for (int c = 0; c < 40; c++) {
                    text.append(alphabet.charAt(random.nextInt(alphabet.length())));
                }
                row.createCell(0).setCellValue(text.toString());
            }
            book.write(out);
            return out.toByteArray();
        }
    }
}
