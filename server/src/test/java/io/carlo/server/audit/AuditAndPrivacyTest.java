package io.carlo.server.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.privacy.SimulationRetention;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.ApiClient.Response;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The audit log and the GDPR routes through a real port, on H2 and on PostgreSQL (the subclasses).
 * The server trusts X-Forwarded-For (as behind a proxy), so that each test knows the client address
 * the log must show. Each test has accounts and organizations of its own.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AuditAndPrivacyTest {

    static final String PASSWORD = "correct horse battery";
    static final String USER_AGENT = "carlo-audit-test/1.0";
    static final String CELL = "'Monte Carlo Test'!";
    private static final AtomicInteger ADDRESSES = new AtomicInteger();

    TestDatabase db;
    RunningServer server;
    byte[] workbook;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() throws IOException {
        db = TestDatabase.create(database());
        server = RunningServer.start(db, "--server.forward-headers-strategy=native",
                "--carlo.rate-limits.lockout.free-failures=2", "--carlo.rate-limits.lockout.first=10m",
                "--carlo.rate-limits.lockout.max=10m", "--carlo.retention.simulations=1d");
        workbook = Files.readAllBytes(TestWorkbooks.shared("simple-monte-carlo.xlsx"));
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

    // ---------------------------------------------------------------------------------------------
    // the audit log

    @Test
    void everyActionIsRecordedWithItsActorAndClientAddress() {
        String ownerAddress = newAddress();
        Person owner = signUp("audit-owner@example.com", ownerAddress);
        String org = owner.organizationId();

        String attacker = newAddress();
        for (int i = 1; i <= 3; i++) { // two free failures, the third locks the pair out
            expect(login(attacker, owner.email(), "wrong guess " + i), 401);
        }
        expect(login(attacker, owner.email(), "wrong guess 4"), 429);
        expect(login(attacker, "nobody-here@example.com", "wrong guess"), 401);

        ApiClient second = from(ownerAddress);
        expect(second.post("/api/v1/auth/login", Map.of("email", owner.email(), "password", PASSWORD)), 200);
        expect(second.get("/api/v1/me"), 200);
        expect(second.post("/api/v1/auth/logout", Map.of()), 204);

        Response key = expect(owner.client().post("/api/v1/api-keys", Map.of("name", "ci", "role", "admin")), 201);
        String keyId = key.json().path("id").asString();
        // withKey starts a client of its own: the address and user agent are set on it again
        ApiClient program = server.client().withKey(key.json().path("secret").asString())
                .header("X-Forwarded-For", ownerAddress).header("User-Agent", USER_AGENT);

        Response invitation = expect(owner.client().post("/api/v1/organization/invitations",
                Map.of("email", "audit-analyst@example.com", "role", "analyst")), 201);
        Person analyst = signUp("audit-analyst@example.com", newAddress());
        expect(analyst.client().post("/api/v1/invitations/" + invitation.json().path("token").asString() + "/accept",
                Map.of()), 200);
        expect(owner.client().patch("/api/v1/organization/members/" + analyst.userId(), Map.of("role", "viewer")), 200);

        String wb = upload(program);
        expect(program.get("/api/v1/workbooks/" + wb + "/file"), 200);
        String sim = simulate(program, wb, 500);
        expect(program.get("/api/v1/simulations/" + sim + "/samples.csv"), 200);
        expect(program.get("/api/v1/simulations/" + sim + "/report.xlsx"), 200);
        expect(program.delete("/api/v1/simulations/" + sim), 204);
        // a large run, cancelled at once: still queued or running when the cancel arrives
        String long_ = expect(program.post("/api/v1/simulations", spec(wb, 5_000_000)), 201).json().path("id").asString();
        expect(program.post("/api/v1/simulations/" + long_ + "/cancel", Map.of()), 200);
        program.events("/api/v1/simulations/" + long_ + "/events", Duration.ofMinutes(2));

        expect(owner.client().delete("/api/v1/organization/members/" + analyst.userId()), 204);
        expect(owner.client().delete("/api/v1/api-keys/" + keyId), 204);
        expect(owner.client().delete("/api/v1/workbooks/" + wb), 204);

        List<JsonNode> log = entries(owner.client(), org, "limit=1000");
        Map<String, List<JsonNode>> byAction = new LinkedHashMap<>();
        log.forEach(e -> byAction.computeIfAbsent(e.path("action").asString(), a -> new ArrayList<>()).add(e));
        assertThat(byAction.keySet()).contains("auth.signup", "auth.login_failed", "auth.lockout", "auth.login",
                "auth.logout", "api_key.create", "member.invite", "member.join", "member.role_change", "workbook.upload",
                "workbook.download", "simulation.start", "simulation.export", "simulation.delete", "simulation.cancel",
                "member.remove", "api_key.revoke", "workbook.delete");

        JsonNode signup = byAction.get("auth.signup").getFirst();
        assertActor(signup, "USER", owner.userId(), owner.email());
        assertThat(signup.path("clientIp").asString()).isEqualTo(ownerAddress);
        assertThat(signup.path("userAgent").asString()).isEqualTo(USER_AGENT);

        assertThat(byAction.get("auth.login_failed")).hasSize(4) // three wrong passwords, one attempt while locked
                .allSatisfy(e -> {
                    assertThat(e.path("actorType").asString()).isEqualTo("ANONYMOUS");
                    assertThat(e.path("targetId").asString()).isEqualTo(owner.userId());
                    assertThat(e.path("clientIp").asString()).isEqualTo(attacker);
                });
        assertThat(byAction.get("auth.lockout").getFirst().path("targetId").asString()).isEqualTo(owner.userId());
        assertThat(log.toString()).as("the log keeps no e-mail address tried").doesNotContain("nobody-here");
        assertActor(byAction.get("auth.login").getFirst(), "USER", owner.userId(), owner.email());
        assertActor(byAction.get("auth.logout").getFirst(), "USER", owner.userId(), owner.email());
        assertThat(byAction.get("api_key.create").getFirst().path("targetId").asString()).isEqualTo(keyId);
        assertThat(byAction.get("member.invite").getFirst().path("targetId").asString())
                .isEqualTo(invitation.json().path("id").asString());
        assertActor(byAction.get("member.join").getFirst(), "USER", analyst.userId(), analyst.email());
        JsonNode roleChange = byAction.get("member.role_change").getFirst();
        assertThat(roleChange.path("targetId").asString()).isEqualTo(analyst.userId());
        assertThat(roleChange.path("details").path("from").asString()).isEqualTo("analyst");
        assertThat(roleChange.path("details").path("to").asString()).isEqualTo("viewer");

        for (String action : List.of("workbook.upload", "workbook.download", "simulation.start", "simulation.export",
                "simulation.delete", "simulation.cancel")) {
            JsonNode e = byAction.get(action).getFirst();
            assertActor(e, "API_KEY", owner.userId(), owner.email());
            assertThat(e.path("actorKeyId").asString()).as(action).isEqualTo(keyId);
            assertThat(e.path("clientIp").asString()).as(action).isEqualTo(ownerAddress);
        }
        assertThat(byAction.get("workbook.upload").getFirst().path("targetId").asString()).isEqualTo(wb);
        assertThat(byAction.get("simulation.export")).extracting(e -> e.path("details").path("format").asString())
                .containsExactlyInAnyOrder("report.xlsx", "samples.csv");
        assertThat(byAction.get("simulation.cancel").getFirst().path("targetId").asString()).isEqualTo(long_);
        assertThat(byAction.get("member.remove").getFirst().path("targetId").asString()).isEqualTo(analyst.userId());
        assertThat(byAction.get("workbook.delete").getFirst().path("actorType").asString()).isEqualTo("USER");

        // newest first, numbered without gaps
        assertThat(log.getFirst().path("action").asString()).isEqualTo("workbook.delete");
        for (int i = 0; i < log.size(); i++) {
            assertThat(log.get(i).path("seq").asLong()).isEqualTo(log.size() - i);
        }
        JsonNode verified = expect(owner.client().get("/api/v1/organizations/" + org + "/audit/verify"), 200).json();
        assertThat(verified.path("valid").asBoolean()).as("%s", verified).isTrue();
        assertThat(verified.path("entries").asLong()).isEqualTo(log.size());

        // filters: a family of actions, one actor, a time range, paging
        assertThat(entries(owner.client(), org, "action=workbook.*")).extracting(e -> e.path("action").asString())
                .containsExactly("workbook.delete", "workbook.download", "workbook.upload");
        assertThat(entries(owner.client(), org, "actor=" + keyId)).hasSize(8)
                .allSatisfy(e -> assertThat(e.path("actorKeyId").asString()).isEqualTo(keyId));
        assertThat(entries(owner.client(), org, "actor=" + analyst.email())).extracting(e -> e.path("action").asString())
                .contains("member.join");
        assertThat(entries(owner.client(), org, "actor=anonymous")).hasSize(5);
        Instant upload = Instant.parse(byAction.get("workbook.upload").getFirst().path("occurredAt").asString());
        assertThat(entries(owner.client(), org, "to=" + upload)).extracting(e -> e.path("action").asString())
                .doesNotContain("workbook.upload", "workbook.delete").contains("auth.signup");
        assertThat(entries(owner.client(), org, "from=" + upload)).extracting(e -> e.path("action").asString())
                .contains("workbook.upload", "workbook.delete").doesNotContain("auth.signup");
        List<JsonNode> page = entries(owner.client(), org, "limit=2&offset=1");
        assertThat(page).extracting(e -> e.path("seq").asLong()).containsExactly((long) log.size() - 1, log.size() - 2L);
        expect(owner.client().get("/api/v1/organizations/" + org + "/audit?from=yesterday"), 400);
    }

    @Test
    void onlyTheOrganizationsAdminsReadItsLog() {
        Person owner = signUp("audit-admins@example.com", newAddress());
        Person stranger = signUp("audit-stranger@example.com", newAddress());
        String org = owner.organizationId();
        ApiClient adminKey = owner.client().newKey("admin");
        ApiClient analystKey = owner.client().newKey("analyst");
        ApiClient strangerKey = stranger.client().newKey("owner");
        for (String route : List.of("/audit", "/audit/export?format=csv", "/audit/verify")) {
            String path = "/api/v1/organizations/" + org + route;
            expect(owner.client().get(path), 200);
            expect(adminKey.get(path), 200);
            Response refused = expect(analystKey.get(path), 403);
            assertThat(refused.contentType()).isEqualTo("application/problem+json");
            assertThat(refused.json().path("detail").asString()).contains("analyst").contains("admin");
            Response hidden = expect(stranger.client().get(path), 404);
            assertThat(hidden.contentType()).isEqualTo("application/problem+json");
            assertThat(hidden.body()).doesNotContain(owner.email());
            expect(strangerKey.get(path), 404);
        }
    }

    @Test
    void theLogIsExportedAsCsvAndJsonLines() {
        Person owner = signUp("audit-export@example.com", newAddress());
        String org = owner.organizationId();
        String wb = upload(owner.client());
        // a user agent is the client's to choose: one a spreadsheet would run as a formula stays text
        expect(owner.client().header("User-Agent", "=HYPERLINK(\"http://evil.test\")").get("/api/v1/workbooks/" + wb
                + "/file"), 200);
        int entries = entries(owner.client(), org, "limit=1000").size();

        Response csv = expect(owner.client().get("/api/v1/organizations/" + org + "/audit/export?format=csv"), 200);
        assertThat(csv.contentType()).isEqualTo("text/csv");
        assertThat(csv.header("Content-Disposition")).startsWith("attachment").contains("audit-" + org + ".csv");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.getFirst()).startsWith("seq,occurredAt,action,actorType,actorUserId,actorEmail");
        assertThat(lines).hasSize(entries + 2); // the header, and the export's own entry, recorded before it is read
        assertThat(lines.get(1)).startsWith("1,").contains("auth.signup", owner.email(), USER_AGENT);
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("workbook.download", wb)
                .contains(",\"'=HYPERLINK(\"\"http://evil.test\"\")\","));

        Response jsonl = expect(owner.client().get("/api/v1/organizations/" + org + "/audit/export?format=jsonl"), 200);
        assertThat(jsonl.contentType()).isEqualTo("application/jsonl");
        assertThat(jsonl.header("Content-Disposition")).contains("audit-" + org + ".jsonl");
        List<JsonNode> records = jsonl.body().lines().map(l -> ApiClient.JSON.readTree(l)).toList();
        assertThat(records).extracting(r -> r.path("seq").asLong()).startsWith(1L, 2L);
        assertThat(records.getLast().path("action").asString()).isEqualTo("audit.export");
        assertThat(records.getLast().path("details").path("format").asString()).isEqualTo("jsonl");
        assertThat(records).hasSize(entries + 2);

        Response filtered = expect(owner.client().get("/api/v1/organizations/" + org
                + "/audit/export?format=jsonl&action=workbook.download"), 200);
        assertThat(filtered.body().lines().count()).isEqualTo(1);
        assertThat(expect(owner.client().get("/api/v1/organizations/" + org + "/audit/export?format=xml"), 400)
                .json().path("detail").asString()).contains("csv or jsonl");
    }

    @Test
    void changesOutsideTheApplicationAreRefusedOrDetected() throws SQLException {
        Person owner = signUp("audit-tamper@example.com", newAddress());
        String org = owner.organizationId();
        upload(owner.client());
        String verify = "/api/v1/organizations/" + org + "/audit/verify";
        assertThat(expect(owner.client().get(verify), 200).json().path("valid").asBoolean()).isTrue();

        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            String change = "update audit_log set target_id = 'someone-else' where chain = '" + org + "' and seq = 1";
            if (database() == TestDatabase.Kind.POSTGRES) {
                assertRefusedByTheDatabase(s, change);
                assertRefusedByTheDatabase(s, "delete from audit_log where chain = '" + org + "'");
                assertRefusedByTheDatabase(s, "truncate audit_log");
                // whoever may drop the guard (the database's owner) can change entries: the chain shows it
                s.execute("alter table audit_log disable trigger audit_log_no_update");
                s.executeUpdate(change);
                s.execute("alter table audit_log enable trigger audit_log_no_update");
            } else {
                assertThat(s.executeUpdate(change)).isEqualTo(1);
            }
        }
        JsonNode broken = expect(owner.client().get(verify), 200).json();
        assertThat(broken.path("valid").asBoolean()).as("%s", broken).isFalse();
        assertThat(broken.path("brokenAt").asLong()).isEqualTo(1);
        assertThat(broken.path("problem").asString()).contains("changed");

        // a removed last entry is found through the chain's head
        Person other = signUp("audit-tamper-2@example.com", newAddress());
        upload(other.client());
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            if (database() == TestDatabase.Kind.POSTGRES) {
                s.execute("alter table audit_log disable trigger audit_log_no_update");
            }
            assertThat(s.executeUpdate("delete from audit_log where chain = '" + other.organizationId()
                    + "' and action = 'workbook.upload'")).isEqualTo(1);
            if (database() == TestDatabase.Kind.POSTGRES) {
                s.execute("alter table audit_log enable trigger audit_log_no_update");
            }
        }
        JsonNode truncated = expect(other.client().get("/api/v1/organizations/" + other.organizationId()
                + "/audit/verify"), 200).json();
        assertThat(truncated.path("valid").asBoolean()).isFalse();
        assertThat(truncated.path("problem").asString()).contains("removed");
    }

    private static void assertRefusedByTheDatabase(Statement s, String sql) {
        try {
            s.executeUpdate(sql);
            throw new AssertionError("the database let this through: " + sql);
        } catch (SQLException e) {
            assertThat(e.getMessage()).contains("audit log entries cannot be changed or deleted");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // GDPR: a person's data

    @Test
    void aPersonExportsTheirOwnData() throws IOException {
        Person person = signUp("gdpr-export@example.com", newAddress());
        ApiClient key = person.client().newKey("analyst");
        String wb = upload(person.client());
        String sim = simulate(person.client(), wb, 300);

        Response r = expect(person.client().get("/api/v1/me/export"), 200);
        assertThat(r.contentType()).isEqualTo("application/zip");
        assertThat(r.header("Content-Disposition")).startsWith("attachment");
        Map<String, byte[]> zip = unzip(r.bytes());
        assertThat(zip).containsKeys("profile.json", "memberships.json", "api-keys.json", "audit-log.json",
                "workbooks.json", "simulations.json");
        JsonNode profile = json(zip, "profile.json");
        assertThat(profile.path("email").asString()).isEqualTo(person.email());
        assertThat(profile.path("id").asString()).isEqualTo(person.userId());
        assertThat(json(zip, "memberships.json").get(0).path("organizationId").asString())
                .isEqualTo(person.organizationId());
        JsonNode keys = json(zip, "api-keys.json");
        assertThat(keys).hasSize(1);
        assertThat(keys.get(0).path("prefix").asString()).isNotBlank();
        assertThat(new String(zip.get("api-keys.json"))).doesNotContain(key.apiKey()).doesNotContain("hash");
        assertThat(json(zip, "audit-log.json").findValuesAsString("action"))
                .contains("auth.signup", "api_key.create", "workbook.upload", "simulation.start");
        JsonNode book = json(zip, "workbooks.json").get(0);
        assertThat(book.path("id").asString()).isEqualTo(wb);
        assertThat(zip.get(book.path("file").asString())).isEqualTo(workbook);
        JsonNode run = json(zip, "simulations.json").get(0);
        assertThat(run.path("simulation").path("id").asString()).isEqualTo(sim);
        assertThat(run.path("results").path("outputs").size()).isEqualTo(2);

        expect(key.get("/api/v1/me/export"), 403);
    }

    @Test
    void deletingAnAccountRemovesThePersonAndKeepsTheOrganizationsData() throws Exception {
        Person owner = signUp("gdpr-team-owner@example.com", newAddress());
        String memberAddress = newAddress();
        Person member = signUp("gdpr-leaver@example.com", memberAddress);
        join(owner, member, "analyst");
        // the member's own organization, of which they are the only member, goes with them
        String ownWorkbook = upload(member.client());
        ApiClient memberInTeam = signIn(memberAddress, member.email()).inOrganization(owner.organizationId());
        String teamWorkbook = upload(memberInTeam);
        String teamRun = simulate(memberInTeam, teamWorkbook, 300);
        ApiClient memberKey = memberInTeam.newKey("analyst");
        String ownBlob = "workbooks/" + member.organizationId() + "/" + ownWorkbook;
        assertThat(blobExists(ownBlob)).isTrue();

        Response wrong = expect(member.client().send("DELETE", "/api/v1/me", Map.of("confirm", "someone@example.com")), 400);
        assertThat(wrong.json().path("detail").asString()).contains("confirm");
        expect(memberKey.send("DELETE", "/api/v1/me", Map.of("confirm", member.email())), 403);
        // the owner of a team with other members cannot leave it ownerless
        Response sole = expect(owner.client().send("DELETE", "/api/v1/me", Map.of("confirm", owner.email())), 409);
        assertThat(sole.json().path("detail").asString()).contains("only owner").contains("1 other member");

        expect(member.client().send("DELETE", "/api/v1/me", Map.of("confirm", member.email().toUpperCase())), 204);

        expect(member.client().get("/api/v1/me"), 401);
        expect(memberKey.get("/api/v1/workbooks"), 401);
        expect(login(newAddress(), member.email(), PASSWORD), 401);
        assertThat(tablesHolding(member.email())).as("the e-mail address").isEmpty();
        assertThat(tablesHolding(member.userId())).as("the account's id: only the audit log's pseudonymous actor")
                .containsOnly("audit_log");
        assertThat(tablesHolding(member.organizationId())).as("their own organization").isEmpty();
        assertThat(blobExists(ownBlob)).isFalse();

        // the team keeps what the member made, no longer attributed to anyone
        JsonNode book = expect(owner.client().get("/api/v1/workbooks/" + teamWorkbook), 200).json();
        assertThat(book.has("uploadedBy")).isFalse();
        expect(owner.client().get("/api/v1/simulations/" + teamRun + "/results"), 200);
        List<JsonNode> log = entries(owner.client(), owner.organizationId(), "actor=" + member.userId());
        assertThat(log).extracting(e -> e.path("action").asString()).contains("workbook.upload", "account.delete");
        assertThat(log).allSatisfy(e -> {
            assertThat(e.has("actorEmail")).isFalse();
            assertThat(e.has("clientIp")).isFalse();
            assertThat(e.has("userAgent")).isFalse();
        });
        assertThat(expect(owner.client().get("/api/v1/organizations/" + owner.organizationId() + "/audit/verify"), 200)
                .json().path("valid").asBoolean()).as("the chain verifies after the erasure").isTrue();
    }

    // ---------------------------------------------------------------------------------------------
    // GDPR: an organization's data

    @Test
    void anOwnerExportsTheOrganization() throws IOException {
        Person owner = signUp("gdpr-org-export@example.com", newAddress());
        String wb = upload(owner.client());
        String sim = simulate(owner.client(), wb, 250);
        String path = "/api/v1/organizations/" + owner.organizationId() + "/export";
        Person admin = signUp("gdpr-org-export-admin@example.com", newAddress());
        join(owner, admin, "admin");
        expect(signIn(newAddress(), admin.email()).inOrganization(owner.organizationId()).get(path), 403);

        Map<String, byte[]> zip = unzip(expect(owner.client().get(path), 200).bytes());
        assertThat(json(zip, "organization.json").path("id").asString()).isEqualTo(owner.organizationId());
        assertThat(json(zip, "members.json").findValuesAsString("email")).contains(owner.email(), admin.email());
        assertThat(zip.get("workbooks/" + wb + "/simple-monte-carlo.xlsx")).isEqualTo(workbook);
        assertThat(json(zip, "simulations.json").findValuesAsString("id")).contains(sim);
        assertThat(json(zip, "simulations/" + sim + "/results.json").path("outputs").size()).isEqualTo(2);
        assertThat(new String(zip.get("simulations/" + sim + "/samples.csv")).lines().count()).isEqualTo(251);
        assertThat(new String(zip.get("audit-log.jsonl"))).contains("workbook.upload", "simulation.start");
    }

    @Test
    void deletingAnOrganizationLeavesNothingOfItAnywhere() throws Exception {
        Person owner = signUp("gdpr-org-owner@example.com", newAddress());
        String org = owner.organizationId();
        Person analyst = signUp("gdpr-org-analyst@example.com", newAddress());
        join(owner, analyst, "analyst");
        Response key = expect(owner.client().post("/api/v1/api-keys", Map.of("name", "deploy", "role", "owner")), 201);
        ApiClient ownerKey = server.client().withKey(key.json().path("secret").asString());
        String invitation = expect(owner.client().post("/api/v1/organization/invitations",
                Map.of("email", "gdpr-never-joined@example.com", "role", "viewer")), 201).json().path("id").asString();
        String wb = upload(ownerKey);
        String sim = simulate(ownerKey, wb, 400);
        try (Connection c = db.connect()) { // single sign-on rows, as the SSO settings would store them
            update(c, "insert into sso_configurations (organization_id, issuer, client_id, client_secret, auth_method, "
                    + "authorization_uri, token_uri, jwks_uri, default_role, jit_membership, require_sso, created_at, "
                    + "updated_at) values (?, 'https://idp.test', 'carlo', 'x', 'client_secret_basic', 'https://idp.test/a', "
                    + "'https://idp.test/t', 'https://idp.test/k', 'viewer', true, false, current_timestamp, "
                    + "current_timestamp)", org);
            update(c, "insert into sso_domains (domain, organization_id) values ('gdpr-org.test', ?)", org);
            update(c, "insert into sso_login_attempts (state_hash, organization_id, browser_hash, code_verifier, nonce, "
                    + "redirect_uri, created_at, expires_at) values ('s', ?, 'b', 'v', 'n', 'https://carlo.test/cb', "
                    + "current_timestamp, current_timestamp)", org);
        }
        Person stranger = signUp("gdpr-org-stranger@example.com", newAddress());
        String path = "/api/v1/organizations/" + org;
        Map<String, String> confirm = Map.of("confirm", "gdpr-org-owner@example.com's organization");
        expect(stranger.client().send("DELETE", path, confirm), 404);
        expect(signIn(newAddress(), analyst.email()).inOrganization(org).send("DELETE", path, confirm), 403);
        expect(ownerKey.send("DELETE", path, confirm), 403);
        assertThat(expect(owner.client().send("DELETE", path, Map.of("confirm", "not its name")), 400)
                .json().path("detail").asString()).contains("exact name");
        List<String> ids = List.of(org, wb, sim, key.json().path("id").asString(), invitation);
        for (String id : ids) {
            assertThat(tablesHolding(id)).as("before: %s", id).isNotEmpty();
        }
        assertThat(blobs()).anySatisfy(b -> assertThat(b).contains(org));

        expect(owner.client().send("DELETE", path, confirm), 204);

        for (String id : ids) {
            assertThat(tablesHolding(id)).as("rows naming %s", id).isEmpty();
        }
        assertThat(tablesHolding("gdpr-never-joined@example.com")).isEmpty();
        assertThat(blobs()).as("files of the organization").noneSatisfy(b -> assertThat(b).contains(org));
        expect(owner.client().get("/api/v1/organizations/" + org + "/audit"), 404);
        expect(ownerKey.get("/api/v1/workbooks"), 401);
        // the people stay, without the organization; the deletion itself is on record, without its id
        assertThat(expect(analyst.client().get("/api/v1/me"), 200).json().path("organizations").findValuesAsString("id"))
                .doesNotContain(org);
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "select count(*) from audit_log where action = 'organization.delete' and actor_user_id = ?")) {
            s.setObject(1, java.util.UUID.fromString(owner.userId()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void retentionDeletesFinishedSimulationsPastTheirTimeWithTheirFiles() throws Exception {
        Person owner = signUp("gdpr-retention@example.com", newAddress());
        String wb = upload(owner.client());
        String old = simulate(owner.client(), wb, 200);
        String recent = simulate(owner.client(), wb, 200);
        String oldBlob = "results/" + owner.organizationId() + "/" + old + "/samples-1";
        try (Connection c = db.connect()) {
            assertThat(update(c, "update simulations set finished_at = ? where id = ?",
                    java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC).minusDays(2), java.util.UUID.fromString(old)))
                    .isEqualTo(1);
            try (PreparedStatement s = c.prepareStatement("select samples_blob from simulation_results where simulation_id = ?")) {
                s.setObject(1, java.util.UUID.fromString(old));
                try (ResultSet rs = s.executeQuery()) {
                    assertThat(rs.next()).isTrue();
                    oldBlob = rs.getString(1);
                }
            }
        }
        assertThat(blobExists(oldBlob)).isTrue();

        assertThat(server.bean(SimulationRetention.class).run()).isEqualTo(1);

        expect(owner.client().get("/api/v1/simulations/" + old), 404);
        expect(owner.client().get("/api/v1/simulations/" + recent + "/results"), 200);
        assertThat(blobExists(oldBlob)).isFalse();
        assertThat(tablesHolding(old)).containsOnly("audit_log");
        JsonNode expired = entries(owner.client(), owner.organizationId(), "action=simulation.expire").getFirst();
        assertThat(expired.path("actorType").asString()).isEqualTo("SYSTEM");
        assertThat(expired.path("targetId").asString()).isEqualTo(old);
        assertThat(server.bean(SimulationRetention.class).run()).as("nothing more is old enough").isZero();
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    record Person(ApiClient client, String email, String userId, String organizationId) {
    }

    static String newAddress() {
        int n = ADDRESSES.incrementAndGet();
        return "198.51." + (100 + n / 250) + "." + (n % 250 + 1);
    }

    ApiClient from(String address) {
        return server.client().header("X-Forwarded-For", address).header("User-Agent", USER_AGENT);
    }

    Person signUp(String email, String address) {
        ApiClient client = from(address).signUp(email, email);
        JsonNode me = expect(client.get("/api/v1/me"), 200).json();
        return new Person(client, email, me.path("id").asString(), me.path("organization").path("id").asString());
    }

    /** A new browser session of an existing account, from {@code address}. */
    ApiClient signIn(String address, String email) {
        ApiClient client = from(address);
        expect(client.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)), 200);
        expect(client.get("/api/v1/me"), 200);
        return client;
    }

    Response login(String address, String email, String password) {
        return from(address).post("/api/v1/auth/login", Map.of("email", email, "password", password));
    }

    /** The owner invites the person, who accepts (the person's session keeps acting in its own organization). */
    void join(Person owner, Person person, String role) {
        Response invitation = expect(owner.client().post("/api/v1/organization/invitations",
                Map.of("email", person.email(), "role", role)), 201);
        expect(person.client().post("/api/v1/invitations/" + invitation.json().path("token").asString() + "/accept",
                Map.of()), 200);
    }

    String upload(ApiClient client) {
        return expect(client.upload("/api/v1/workbooks", "simple-monte-carlo.xlsx", workbook), 201).json().path("id")
                .asString();
    }

    static Map<String, Object> spec(String workbookId, int iterations) {
        return Map.of("workbookId", workbookId, "iterations", iterations, "seed", 5,
                "inputs", List.of(Map.of("cell", CELL + "B2", "distribution", "Normal(1000, 100)")),
                "outputs", List.of(Map.of("cell", CELL + "B7"), Map.of("cell", CELL + "B8")));
    }

    String simulate(ApiClient client, String workbookId, int iterations) {
        String id = expect(client.post("/api/v1/simulations", spec(workbookId, iterations)), 201).json().path("id")
                .asString();
        List<JsonNode> events = client.events("/api/v1/simulations/" + id + "/events", Duration.ofMinutes(2));
        assertThat(events.getLast().path("state").asString()).as("%s", events.getLast()).isEqualTo("completed");
        return id;
    }

    static List<JsonNode> entries(ApiClient client, String organization, String query) {
        JsonNode page = expect(client.get("/api/v1/organizations/" + organization + "/audit?" + query), 200).json();
        List<JsonNode> out = new ArrayList<>();
        page.path("entries").forEach(out::add);
        return out;
    }

    static void assertActor(JsonNode entry, String type, String userId, String email) {
        assertThat(entry.path("actorType").asString()).as("%s", entry).isEqualTo(type);
        assertThat(entry.path("actorUserId").asString()).as("%s", entry).isEqualTo(userId);
        assertThat(entry.path("actorEmail").asString()).as("%s", entry).isEqualTo(email);
    }

    static Response expect(Response r, int status) {
        assertThat(r.status()).as(() -> "answered " + r).isEqualTo(status);
        return r;
    }

    static Map<String, byte[]> unzip(byte[] bytes) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                entries.put(e.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    static JsonNode json(Map<String, byte[]> zip, String name) {
        assertThat(zip).containsKey(name);
        return ApiClient.JSON.readTree(zip.get(name));
    }

    static int update(Connection c, String sql, Object... params) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                Object p = params[i];
                s.setObject(i + 1, p instanceof String text && text.length() == 36 ? java.util.UUID.fromString(text) : p);
            }
            return s.executeUpdate();
        }
    }

    /**
     * Every table of the schema with a row that holds {@code text} in any column (binary ones
     * aside: blob contents and rate-limit states), read from the database's own catalogue so that a
     * table added later is searched too.
     */
    List<String> tablesHolding(String text) throws SQLException {
        List<String> found = new ArrayList<>();
        try (Connection c = db.connect()) {
            Map<String, List<String>> columns = new LinkedHashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    select table_name, column_name, data_type from information_schema.columns
                    where table_schema = 'public' order by table_name, ordinal_position""")) {
                while (rs.next()) {
                    String type = rs.getString("data_type").toLowerCase();
                    if (!type.contains("bytea") && !type.contains("binary") && !type.contains("blob")) {
                        columns.computeIfAbsent(rs.getString("table_name"), t -> new ArrayList<>())
                                .add(rs.getString("column_name"));
                    }
                }
            }
            assertThat(columns).as("tables of the schema").containsKeys("users", "organizations", "workbooks",
                    "simulations", "audit_log", "sso_configurations", "rate_limit_buckets", "blobs");
            for (Map.Entry<String, List<String>> table : columns.entrySet()) {
                String where = String.join(" or ", table.getValue().stream()
                        .map(col -> "lower(cast(" + col + " as varchar)) like ?").toList());
                try (PreparedStatement s = c.prepareStatement("select count(*) from " + table.getKey() + " where " + where)) {
                    for (int i = 1; i <= table.getValue().size(); i++) {
                        s.setString(i, "%" + text.toLowerCase() + "%");
                    }
                    try (ResultSet rs = s.executeQuery()) {
                        rs.next();
                        if (rs.getLong(1) > 0) {
                            found.add(table.getKey());
                        }
                    }
                }
            }
        }
        return found;
    }

    /** Every blob id in the store: the blobs table on PostgreSQL, the files under the data directory on H2. */
    List<String> blobs() throws Exception {
        List<String> ids = new ArrayList<>();
        if (database() == TestDatabase.Kind.POSTGRES) {
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("select id from blobs")) {
                while (rs.next()) {
                    ids.add(rs.getString(1));
                }
            }
        } else {
            Path root = db.dataDirectory().resolve("files");
            if (Files.isDirectory(root)) {
                try (Stream<Path> files = Files.walk(root)) {
                    files.filter(Files::isRegularFile).forEach(f -> ids.add(root.relativize(f).toString().replace('\\', '/')));
                }
            }
        }
        return ids;
    }

    boolean blobExists(String id) throws Exception {
        return blobs().contains(id);
    }
}
