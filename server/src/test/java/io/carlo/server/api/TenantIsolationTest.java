package io.carlo.server.api;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.api.IsolationRoutes.ForeignIdRoute;
import io.carlo.server.api.IsolationRoutes.OwnScopeRoute;
import io.carlo.server.api.IsolationRoutes.Route;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.ApiClient.Response;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;

/**
 * One organization cannot see or touch another's objects, through any route of the API, whether it
 * calls with a browser session or an API key; within an organization, each role can do what
 * {@link io.carlo.server.tenancy.Role} says and no more; revoked keys, ended sessions, forged
 * cross-site requests and anonymous callers are refused.
 *
 * <p>The routes come from the running server, not from a list kept by hand: a route that
 * {@link IsolationRoutes} does not cover fails the suite. Organization A has one of every object;
 * organization B tries to reach them. One server per database serves every test; each test leaves
 * A's objects as it found them. Runs on H2 and on PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class TenantIsolationTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String CELL = "'Monte Carlo Test'!";
    private static final String PROBLEM_JSON = "application/problem+json";

    // what organization A is called, in words a leak would show
    private static final String ORGANIZATION_A = "Acme Confidential Ltd";
    private static final String OWNER_A = "owner@acme.test";
    private static final String OWNER_A_NAME = "Alice Acme";
    private static final String ANALYST_A = "analyst@acme.test";
    private static final String VIEWER_A = "viewer@acme.test";
    private static final String INVITEE_A = "invitee@acme.test";
    private static final String WORKBOOK_A = "acme-secret-forecast.xlsx";
    private static final String SIMULATION_A = "acme secret run";
    private static final String KEY_A = "acme-ci-key";
    private static final String OWNER_B = "owner@bravo.test";

    private TestDatabase db;
    private RunningServer server;
    private byte[] workbookBytes;

    /** A signed-in person: their browser and who they are. */
    private record Account(ApiClient session, String userId, String organizationId) {
    }

    /** One of organization B's ways in. */
    private record Caller(String name, ApiClient client) {
    }

    /** What a route is called with: the path with its variables filled in, and the body. */
    private record Call(String path, Object body) {
    }

    // organization A: one of every object
    private Account ownerA;
    private ApiClient keyA;
    private String keyAId;
    private String workbookA;
    private String simulationA;
    private String invitationA;
    private String invitationTokenA;
    private Account analystA;
    private Account viewerA;
    private IsolationRoutes.Foreign foreign;
    private List<String> markersOfA;

    // organization B: its owner's session and an owner key, so that no role check stops them before the lookup
    private Account ownerB;
    private String keyBSecret;
    private ApiClient keyB;
    private String workbookB;
    private String simulationB;

    abstract TestDatabase.Kind database();

    @BeforeAll
    void start() throws IOException {
        db = TestDatabase.create(database());
        server = RunningServer.start(db);
        workbookBytes = Files.readAllBytes(TestWorkbooks.shared("simple-monte-carlo.xlsx"));
        setUpOrganizationA();
        setUpOrganizationB();
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

    private void setUpOrganizationA() {
        ownerA = signUp(OWNER_A, OWNER_A_NAME, ORGANIZATION_A);
        Response key = expect(ownerA.session().post("/api/v1/api-keys", Map.of("name", KEY_A, "role", "owner")), 201);
        keyAId = key.json().path("id").asString();
        keyA = server.client().withKey(key.json().path("secret").asString());
        workbookA = expect(keyA.upload("/api/v1/workbooks", WORKBOOK_A, workbookBytes), 201).json().path("id").asString();
        simulationA = simulate(keyA, workbookA, SIMULATION_A, 3_000);
        analystA = join(ownerA, ANALYST_A, "analyst");
        viewerA = join(ownerA, VIEWER_A, "viewer");
        Response invitation = expect(ownerA.session().post("/api/v1/organization/invitations",
                Map.of("email", INVITEE_A, "role", "analyst")), 201);
        invitationA = invitation.json().path("id").asString();
        invitationTokenA = invitation.json().path("token").asString();

        foreign = new IsolationRoutes.Foreign(ownerA.organizationId(), ORGANIZATION_A, workbookA, simulationA, keyAId, invitationA,
                invitationTokenA, analystA.userId());
        markersOfA = List.of(ORGANIZATION_A, OWNER_A, OWNER_A_NAME, ANALYST_A, VIEWER_A, INVITEE_A, WORKBOOK_A,
                SIMULATION_A, KEY_A, key.json().path("prefix").asString(), key.json().path("secret").asString(),
                ownerA.organizationId(), ownerA.userId(), analystA.userId(), viewerA.userId(), workbookA, simulationA,
                keyAId, invitationA, invitationTokenA);
    }

    private void setUpOrganizationB() {
        ownerB = signUp(OWNER_B, "Boris Bravo", "Bravo Works");
        Response key = expect(ownerB.session().post("/api/v1/api-keys", Map.of("name", "bravo-key", "role", "owner")),
                201);
        keyBSecret = key.json().path("secret").asString();
        keyB = server.client().withKey(keyBSecret);
        workbookB = expect(keyB.upload("/api/v1/workbooks", "bravo-book.xlsx", workbookBytes), 201)
                .json().path("id").asString();
        simulationB = simulate(keyB, workbookB, "bravo run", 500);
    }

    private List<Caller> callersFromB() {
        return List.of(new Caller("B's session", ownerB.session()), new Caller("B's API key", keyB));
    }

    // ---------------------------------------------------------------------------------------------
    // the routes

    @Test
    void everyApiRouteIsCoveredByTheIsolationTable() {
        List<Route> served = servedRoutes();
        assertThat(served).as("the server's /api/v1 routes").contains(Route.of("GET /api/v1/workbooks/{id}"),
                Route.of("DELETE /api/v1/simulations/{id}"), Route.of("POST /api/v1/auth/signup"));

        Set<Route> foreignRoutes = new HashSet<>();
        for (ForeignIdRoute row : IsolationRoutes.FOREIGN_IDS) {
            assertThat(foreignRoutes.add(row.route())).as("%s is listed twice", row.route()).isTrue();
            assertThat(row.variables().apply(foreign).keySet()).as("the variables filled for %s", row.route())
                    .isEqualTo(row.route().variables());
            assertThat(!row.route().variables().isEmpty() || row.body().apply(foreign) != null)
                    .as("%s names no object of A's, neither in its path nor in its body", row.route()).isTrue();
        }
        Set<Route> ownRoutes = new HashSet<>();
        for (OwnScopeRoute row : IsolationRoutes.OWN_SCOPE) {
            assertThat(ownRoutes.add(row.route())).as("%s is listed twice", row.route()).isTrue();
            assertThat(foreignRoutes).as("%s is listed both as naming A's objects and as naming none", row.route())
                    .doesNotContain(row.route());
            assertThat(row.reason()).as("why %s cannot name another organization's object", row.route()).isNotBlank();
            assertThat(row.variables().keySet()).as("the variables filled for %s", row.route())
                    .isEqualTo(row.route().variables());
        }
        assertThat(ownRoutes).as("public routes name no object").containsAll(IsolationRoutes.PUBLIC);

        List<Route> unknown = served.stream().filter(r -> !foreignRoutes.contains(r) && !ownRoutes.contains(r)).toList();
        assertThat(unknown).as("routes the isolation suite does not know how to call: add each to "
                + "IsolationRoutes.FOREIGN_IDS, filling its path variables (or body) with organization A's objects, or, "
                + "if it cannot name another organization's object, to IsolationRoutes.OWN_SCOPE with the reason")
                .isEmpty();
        Set<Route> all = new HashSet<>(foreignRoutes);
        all.addAll(ownRoutes);
        assertThat(all.stream().filter(r -> !served.contains(r)).sorted().toList())
                .as("rows of IsolationRoutes for routes the server does not have (renamed? removed?)").isEmpty();
    }

    @Test
    void anotherOrganizationsObjectsAnswer404ToBothItsSessionAndItsKey() {
        SoftAssertions soft = new SoftAssertions();
        for (ForeignIdRoute row : IsolationRoutes.FOREIGN_IDS) {
            Call call = callFor(row.route());
            for (Caller caller : callersFromB()) {
                Response r = caller.client().send(row.route().method(), call.path(), call.body());
                String what = row.route() + " as " + caller.name() + " (" + call.path() + ")";
                assertNotFound(soft, r, what, call);
            }
        }
        // a browser's EventSource asks for the stream type: the answer is the same 404
        Response stream = server.client().withKey(keyBSecret).header("Accept", "text/event-stream")
                .get("/api/v1/simulations/" + simulationA + "/events");
        soft.assertThat(stream.status()).as("events with Accept: text/event-stream: %s", stream).isEqualTo(404);
        assertNothingOfA(soft, stream, "events with Accept: text/event-stream", "/api/v1/simulations/" + simulationA);
        soft.assertAll();

        assertOrganizationAIntact();
        // B is no member of A: neither the invitation nor the organization switch let it in
        JsonNode me = expect(ownerB.session().get("/api/v1/me"), 200).json();
        assertThat(me.path("organizations").findValuesAsString("id")).containsExactly(ownerB.organizationId());
        assertThat(me.path("organization").path("id").asString()).isEqualTo(ownerB.organizationId());
    }

    @Test
    void listingsShowOnlyTheCallersOwnObjects() {
        // the search for A's data finds it where it belongs: in A's own answers
        assertThat(ownerA.session().get("/api/v1/workbooks").body()).contains(workbookA, WORKBOOK_A);
        assertThat(ownerA.session().get("/api/v1/simulations").body()).contains(simulationA, SIMULATION_A);
        assertThat(ownerA.session().get("/api/v1/organization/members").body()).contains(ANALYST_A, VIEWER_A);
        assertThat(ownerA.session().get("/api/v1/organization/invitations").body()).contains(INVITEE_A);
        assertThat(ownerA.session().get("/api/v1/api-keys").body()).contains(KEY_A);
        assertThat(ownerA.session().get("/api/v1/organization").body()).contains(ORGANIZATION_A);
        assertThat(keyA.get("/api/v1/me").body()).contains(OWNER_A, ORGANIZATION_A);

        SoftAssertions soft = new SoftAssertions();
        for (OwnScopeRoute row : IsolationRoutes.OWN_SCOPE) {
            // public GET routes (the single sign-on redirects) need parameters of a sign-in in progress;
            // they are called anonymously below, and answer nothing of A's there either
            if (!row.route().safe() || IsolationRoutes.PUBLIC.contains(row.route())) {
                continue;
            }
            Call call = callFor(row.route());
            for (Caller caller : callersFromB()) {
                Response r = caller.client().get(call.path());
                String what = row.route() + " as " + caller.name();
                boolean refused = IsolationRoutes.SESSION_ONLY.contains(row.route()) && caller.client().apiKey() != null;
                soft.assertThat(r.status()).as("%s answered %s", what, r).isEqualTo(refused ? 403 : 200);
                assertNothingOfA(soft, r, what, call.path());
            }
        }
        soft.assertAll();

        // B's listings do hold B's own objects
        assertThat(keyB.get("/api/v1/workbooks").json().findValuesAsString("id")).containsExactly(workbookB);
        assertThat(ownerB.session().get("/api/v1/simulations").json().findValuesAsString("id"))
                .containsExactly(simulationB);
        // and naming A's workbook in the filter finds nothing
        for (Caller caller : callersFromB()) {
            Response filtered = expect(caller.client().get("/api/v1/simulations?workbookId=" + workbookA), 200);
            assertThat(filtered.json().size()).as("simulations of A's workbook, as %s", caller.name()).isZero();
        }
    }

    @Test
    void namingAnotherOrganizationInTheHeaderAnswers404() {
        ApiClient intruder = signIn(OWNER_B).inOrganization(ownerA.organizationId());
        SoftAssertions soft = new SoftAssertions();
        for (Route route : servedRoutes()) {
            if (IsolationRoutes.PUBLIC.contains(route)) {
                continue;
            }
            Call call = callFor(route);
            Response r = intruder.send(route.method(), call.path(), call.body());
            assertNotFound(soft, r, route + " with X-Carlo-Organization of A", call);
        }
        soft.assertAll();
        assertOrganizationAIntact();

        // an API key belongs to one organization: the header does not move it
        ApiClient key = server.client().withKey(keyBSecret).inOrganization(ownerA.organizationId());
        Response workbooks = expect(key.get("/api/v1/workbooks"), 200);
        assertThat(workbooks.json().findValuesAsString("id")).containsExactly(workbookB);
        assertThat(expect(key.get("/api/v1/me"), 200).json().path("organization").path("id").asString())
                .isEqualTo(ownerB.organizationId());
        assertNotFound(null, key.get("/api/v1/workbooks/" + workbookA), "A's workbook by B's key naming A",
                new Call("/api/v1/workbooks/" + workbookA, null));
    }

    @Test
    void everyRouteButSignUpAndSignInNeedsAuthentication() {
        SoftAssertions soft = new SoftAssertions();
        ApiClient anonymous = server.client();
        ApiClient forgedKey = server.client().withKey("carlo_" + UUID.randomUUID().toString().replace("-", ""));
        ApiClient unknownCookie = server.client().header("Cookie", "CARLO_SESSION=not-a-session");
        for (Route route : servedRoutes()) {
            Call call = callFor(route);
            Response r = anonymous.send(route.method(), call.path(), call.body());
            if (IsolationRoutes.PUBLIC.contains(route)) {
                soft.assertThat(r.body()).as("%s is public: %s", route, r).doesNotContain("Authentication required");
                continue;
            }
            assertUnauthorized(soft, r, route + " anonymous");
            assertNothingOfA(soft, r, route + " anonymous", call.path());
            assertUnauthorized(soft, forgedKey.send(route.method(), call.path(), call.body()), route + " forged key");
            if (route.safe()) {
                // unsafe methods with a cookie meet the CSRF check first (403), tested apart
                assertUnauthorized(soft, unknownCookie.get(call.path()), route + " unknown session cookie");
            }
        }
        soft.assertAll();
        assertOrganizationAIntact();
    }

    // ---------------------------------------------------------------------------------------------
    // roles within an organization

    @Test
    void aViewerReadsButChangesNothing() {
        ApiClient viewer = viewerA.session();
        String sim = "/api/v1/simulations/" + simulationA;
        String wb = "/api/v1/workbooks/" + workbookA;
        for (String read : List.of("/api/v1/workbooks", wb, wb + "/sheets/0/cells", wb + "/file", "/api/v1/simulations",
                sim, sim + "/results", sim + "/samples.csv", sim + "/report.xlsx", "/api/v1/organization",
                "/api/v1/organization/members", "/api/v1/api-keys")) {
            expect(viewer.get(read), 200);
        }
        assertThat(viewer.events(sim + "/events", Duration.ofMinutes(1)).getLast().path("state").asString())
                .isEqualTo("completed");

        SoftAssertions soft = new SoftAssertions();
        assertForbidden(soft, viewer.upload("/api/v1/workbooks", "viewer.xlsx", workbookBytes), "upload");
        assertForbidden(soft, viewer.post("/api/v1/simulations", spec(workbookA, "viewer run", 100)), "simulate");
        assertForbidden(soft, viewer.send("POST", sim + "/cancel", null), "cancel");
        assertForbidden(soft, viewer.delete(sim), "delete a simulation");
        assertForbidden(soft, viewer.delete(wb), "delete a workbook");
        assertForbidden(soft, viewer.patch("/api/v1/organization", Map.of("name", "renamed")), "rename");
        assertForbidden(soft, viewer.get("/api/v1/organization/invitations"), "see invitations");
        assertForbidden(soft, viewer.post("/api/v1/organization/invitations",
                Map.of("email", "friend@acme.test", "role", "viewer")), "invite");
        assertForbidden(soft, viewer.patch("/api/v1/organization/members/" + analystA.userId(),
                Map.of("role", "viewer")), "change a role");
        assertForbidden(soft, viewer.delete("/api/v1/organization/members/" + analystA.userId()), "remove a member");
        assertForbidden(soft, viewer.delete("/api/v1/api-keys/" + keyAId), "revoke another's key");
        assertForbidden(soft, viewer.post("/api/v1/api-keys", Map.of("name", "stronger", "role", "analyst")),
                "a key stronger than oneself");
        soft.assertAll();

        // a viewer's key has the viewer's rights
        Response key = expect(viewer.post("/api/v1/api-keys", Map.of("name", "viewer key", "role", "viewer")), 201);
        ApiClient program = server.client().withKey(key.json().path("secret").asString());
        expect(program.get(sim + "/results"), 200);
        assertForbidden(null, program.post("/api/v1/simulations", spec(workbookA, "viewer key run", 100)), "simulate");
        expect(viewer.delete("/api/v1/api-keys/" + key.json().path("id").asString()), 204);
        assertOrganizationAIntact();
    }

    @Test
    void anAnalystRunsSimulationsButManagesNoMembersAndNoKeysButTheirOwn() {
        ApiClient analyst = analystA.session();
        String wb = expect(analyst.upload("/api/v1/workbooks", "analyst-book.xlsx", workbookBytes), 201)
                .json().path("id").asString();
        String sim = simulate(analyst, wb, "analyst run", 200);
        expect(analyst.get("/api/v1/simulations/" + sim + "/results"), 200);
        expect(analyst.delete("/api/v1/simulations/" + sim), 204);
        expect(analyst.delete("/api/v1/workbooks/" + wb), 204);

        SoftAssertions soft = new SoftAssertions();
        assertForbidden(soft, analyst.patch("/api/v1/organization", Map.of("name", "renamed")), "rename");
        assertForbidden(soft, analyst.get("/api/v1/organization/invitations"), "see invitations");
        assertForbidden(soft, analyst.post("/api/v1/organization/invitations",
                Map.of("email", "friend@acme.test", "role", "viewer")), "invite");
        assertForbidden(soft, analyst.delete("/api/v1/organization/invitations/" + invitationA), "withdraw");
        assertForbidden(soft, analyst.patch("/api/v1/organization/members/" + viewerA.userId(),
                Map.of("role", "analyst")), "change a role");
        assertForbidden(soft, analyst.delete("/api/v1/organization/members/" + viewerA.userId()), "remove a member");
        assertForbidden(soft, analyst.delete("/api/v1/api-keys/" + keyAId), "revoke another's key");
        assertForbidden(soft, analyst.post("/api/v1/api-keys", Map.of("name", "stronger", "role", "admin")),
                "a key stronger than oneself");
        soft.assertAll();

        // their own keys: made, listed (others' are not) and revoked
        Response key = expect(analyst.post("/api/v1/api-keys", Map.of("name", "analyst key")), 201);
        String keyId = key.json().path("id").asString();
        assertThat(key.json().path("role").asString()).isEqualTo("analyst");
        assertThat(expect(analyst.get("/api/v1/api-keys"), 200).json().findValuesAsString("id")).containsExactly(keyId);
        expect(analyst.delete("/api/v1/api-keys/" + keyId), 204);
        assertOrganizationAIntact();
    }

    @Test
    void anAdminManagesMembersButOnlyAnOwnerGrantsOrTakesOwnership() {
        Account admin = join(ownerA, "admin@acme.test", "admin");
        Account temp = join(ownerA, "temp@acme.test", "viewer");
        ApiClient ad = admin.session();
        expect(temp.session().get("/api/v1/workbooks/" + workbookA), 200);

        assertThat(expect(ad.get("/api/v1/api-keys"), 200).json().findValuesAsString("id")).contains(keyAId);
        expect(ad.get("/api/v1/organization/invitations"), 200);
        Response invitation = expect(ad.post("/api/v1/organization/invitations",
                Map.of("email", "later@acme.test", "role", "analyst")), 201);
        expect(ad.delete("/api/v1/organization/invitations/" + invitation.json().path("id").asString()), 204);
        expect(ad.patch("/api/v1/organization/members/" + temp.userId(), Map.of("role", "analyst")), 200);

        SoftAssertions soft = new SoftAssertions();
        assertForbidden(soft, ad.patch("/api/v1/organization/members/" + temp.userId(), Map.of("role", "owner")),
                "grant ownership");
        assertForbidden(soft, ad.patch("/api/v1/organization/members/" + ownerA.userId(), Map.of("role", "admin")),
                "take ownership away");
        assertForbidden(soft, ad.delete("/api/v1/organization/members/" + ownerA.userId()), "remove an owner");
        assertForbidden(soft, ad.post("/api/v1/organization/invitations",
                Map.of("email", "boss@acme.test", "role", "owner")), "invite an owner");
        assertForbidden(soft, ad.post("/api/v1/api-keys", Map.of("name", "stronger", "role", "owner")),
                "a key stronger than oneself");
        soft.assertAll();
        // the only owner cannot step down
        expect(ownerA.session().patch("/api/v1/organization/members/" + ownerA.userId(), Map.of("role", "admin")), 409);

        // a removed member loses access at once; then the admin leaves
        expect(ad.delete("/api/v1/organization/members/" + temp.userId()), 204);
        assertNotFound(null, temp.session().get("/api/v1/workbooks/" + workbookA), "A's workbook after removal",
                new Call("/api/v1/workbooks/" + workbookA, null));
        expect(ad.delete("/api/v1/organization/members/" + admin.userId()), 204);
        assertNotFound(null, ad.get("/api/v1/workbooks/" + workbookA), "A's workbook after leaving",
                new Call("/api/v1/workbooks/" + workbookA, null));
        assertOrganizationAIntact();
    }

    // ---------------------------------------------------------------------------------------------
    // credentials that end, and forged requests

    @Test
    void aRevokedKeyIsRefusedOnTheNextRequest() {
        Response key = expect(ownerA.session().post("/api/v1/api-keys", Map.of("name", "short-lived")), 201);
        ApiClient program = server.client().withKey(key.json().path("secret").asString());
        expect(program.get("/api/v1/workbooks/" + workbookA), 200);

        expect(ownerA.session().delete("/api/v1/api-keys/" + key.json().path("id").asString()), 204);
        assertUnauthorized(null, program.get("/api/v1/workbooks/" + workbookA), "a revoked key reading");
        assertUnauthorized(null, program.post("/api/v1/simulations", spec(workbookA, "revoked", 100)),
                "a revoked key simulating");
        expect(ownerA.session().delete("/api/v1/api-keys/" + key.json().path("id").asString()), 409);
    }

    @Test
    void aSignedOutSessionIsRefused() {
        ApiClient browser = signIn(ANALYST_A).inOrganization(ownerA.organizationId());
        String token = browser.cookie("CARLO_SESSION");
        assertThat(token).isNotBlank();
        expect(browser.get("/api/v1/workbooks/" + workbookA), 200);

        expect(browser.send("POST", "/api/v1/auth/logout", null), 204);
        assertUnauthorized(null, browser.get("/api/v1/me"), "after sign-out");
        // the cookie's value, kept and sent again, is worth nothing
        ApiClient replay = server.client().header("Cookie", "CARLO_SESSION=" + token);
        assertUnauthorized(null, replay.get("/api/v1/me"), "a replayed session cookie");
        assertUnauthorized(null, replay.get("/api/v1/workbooks/" + workbookA), "a replayed session cookie");
        // the same person's other session lives on
        expect(analystA.session().get("/api/v1/me"), 200);
    }

    @Test
    void aSessionNeedsTheCsrfTokenToChangeAnythingAndAKeyDoesNot() {
        ApiClient browser = signIn(OWNER_B);
        assertThat(browser.cookie("XSRF-TOKEN")).as("the XSRF-TOKEN cookie after a safe request").isNotBlank();
        int keys = expect(browser.get("/api/v1/api-keys"), 200).json().size();

        browser.csrfHeader(false);
        SoftAssertions soft = new SoftAssertions();
        assertCsrfRefused(soft, browser.post("/api/v1/api-keys", Map.of("name", "forged")), "create a key");
        assertCsrfRefused(soft, browser.delete("/api/v1/workbooks/" + workbookB), "delete a workbook");
        assertCsrfRefused(soft, browser.upload("/api/v1/workbooks", "forged.xlsx", workbookBytes), "upload");
        assertCsrfRefused(soft, browser.send("POST", "/api/v1/auth/logout", null), "sign out");
        ApiClient wrongToken = signIn(OWNER_B).csrfHeader(false).header("X-XSRF-TOKEN", "not-the-token");
        assertCsrfRefused(soft, wrongToken.post("/api/v1/api-keys", Map.of("name", "forged")), "a wrong token");
        soft.assertAll();
        // nothing happened: still signed in, same keys, the workbook is there
        expect(browser.get("/api/v1/me"), 200);
        assertThat(expect(browser.get("/api/v1/api-keys"), 200).json().size()).isEqualTo(keys);
        expect(browser.get("/api/v1/workbooks/" + workbookB), 200);

        browser.csrfHeader(true);
        Response created = expect(browser.post("/api/v1/api-keys", Map.of("name", "with the token")), 201);
        expect(browser.delete("/api/v1/api-keys/" + created.json().path("id").asString()), 204);

        // a program with a key has no cookie to forge and sends no token
        ApiClient program = server.client().withKey(keyBSecret);
        assertThat(program.cookie("XSRF-TOKEN")).isNull();
        String uploaded = expect(program.upload("/api/v1/workbooks", "by-key.xlsx", workbookBytes), 201)
                .json().path("id").asString();
        expect(program.delete("/api/v1/workbooks/" + uploaded), 204);
    }

    // ---------------------------------------------------------------------------------------------
    // A's objects, unchanged

    private void assertOrganizationAIntact() {
        ApiClient owner = ownerA.session();
        JsonNode wb = expect(owner.get("/api/v1/workbooks/" + workbookA), 200).json();
        assertThat(wb.path("name").asString()).isEqualTo(WORKBOOK_A);
        assertThat(expect(owner.get("/api/v1/workbooks/" + workbookA + "/file"), 200).bytes()).isEqualTo(workbookBytes);
        JsonNode sim = expect(owner.get("/api/v1/simulations/" + simulationA), 200).json();
        assertThat(sim.path("state").asString()).isEqualTo("completed");
        assertThat(sim.path("cancelRequested").asBoolean()).isFalse();
        assertThat(expect(owner.get("/api/v1/simulations/" + simulationA + "/results"), 200).json()
                .path("iterations").asLong()).isEqualTo(3_000);
        expect(keyA.get("/api/v1/me"), 200);
        JsonNode invitation = expect(owner.get("/api/v1/organization/invitations"), 200).json().valueStream()
                .filter(i -> i.path("id").asString().equals(invitationA)).findFirst().orElseThrow(
                        () -> new AssertionError("A's invitation is gone"));
        assertThat(invitation.path("acceptedAt").isMissingNode() || invitation.path("acceptedAt").isNull())
                .as("A's invitation is still open: %s", invitation).isTrue();
        Map<String, String> roles = new LinkedHashMap<>();
        expect(owner.get("/api/v1/organization/members"), 200).json().valueStream()
                .forEach(m -> roles.put(m.path("userId").asString(), m.path("role").asString()));
        assertThat(roles).containsEntry(ownerA.userId(), "owner").containsEntry(analystA.userId(), "analyst")
                .containsEntry(viewerA.userId(), "viewer").doesNotContainKey(ownerB.userId());
        assertThat(expect(owner.get("/api/v1/organization"), 200).json().path("name").asString())
                .isEqualTo(ORGANIZATION_A);
    }

    // ---------------------------------------------------------------------------------------------
    // helpers

    /** The server's own list of its /api/v1 routes, one per method. */
    private List<Route> servedRoutes() {
        RequestMappingHandlerMapping mapping = server.context()
                .getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<Route> routes = new ArrayList<>();
        mapping.getHandlerMethods().forEach((info, handler) -> {
            for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v1/") || pattern.startsWith(IsolationRoutes.OPERATOR_PREFIX)) {
                    continue;
                }
                Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
                assertThat(methods).as("%s (%s) must name its HTTP methods", pattern, handler).isNotEmpty();
                methods.forEach(m -> routes.add(new Route(m.name(), pattern)));
            }
        });
        Collections.sort(routes);
        return routes;
    }

    /**
     * How to call a route: as {@link IsolationRoutes} says, or, for a route missing there (which
     * fails {@link #everyApiRouteIsCoveredByTheIsolationTable}), with made-up ids, so that the
     * checks that need no real object still run for it.
     */
    private Call callFor(Route route) {
        for (ForeignIdRoute row : IsolationRoutes.FOREIGN_IDS) {
            if (row.route().equals(route)) {
                return new Call(route.path(row.variables().apply(foreign)), row.body().apply(foreign));
            }
        }
        for (OwnScopeRoute row : IsolationRoutes.OWN_SCOPE) {
            if (row.route().equals(route)) {
                return new Call(route.path(row.variables()), null);
            }
        }
        Map<String, String> madeUp = new LinkedHashMap<>();
        route.variables().forEach(v -> madeUp.put(v, UUID.randomUUID().toString()));
        return new Call(route.path(madeUp), null);
    }

    private Account signUp(String email, String name, String organization) {
        ApiClient browser = server.client();
        Map<String, Object> body = new LinkedHashMap<>(Map.of("email", email, "password", PASSWORD, "name", name));
        if (organization != null) {
            body.put("organization", organization);
        }
        JsonNode me = expect(browser.post("/api/v1/auth/signup", body), 201).json();
        expect(browser.get("/api/v1/me"), 200); // a safe request first: its answer sets the XSRF-TOKEN cookie
        return new Account(browser, me.path("id").asString(), me.path("organization").path("id").asString());
    }

    /** A new browser session of an existing account. */
    private ApiClient signIn(String email) {
        ApiClient browser = server.client();
        expect(browser.post("/api/v1/auth/login", Map.of("email", email, "password", PASSWORD)), 200);
        expect(browser.get("/api/v1/me"), 200);
        return browser;
    }

    /** Someone new joins the owner's organization with a role: invited, signed up, accepted, switched to it. */
    private Account join(Account owner, String email, String role) {
        Response invitation = expect(owner.session().post("/api/v1/organization/invitations",
                Map.of("email", email, "role", role)), 201);
        Account joiner = signUp(email, email.substring(0, email.indexOf('@')), null);
        expect(joiner.session().send("POST", "/api/v1/invitations/" + invitation.json().path("token").asString()
                + "/accept", null), 200);
        expect(joiner.session().put("/api/v1/me/organization", Map.of("organizationId", owner.organizationId())), 200);
        return new Account(joiner.session(), joiner.userId(), owner.organizationId());
    }

    private static Map<String, Object> spec(String workbookId, String name, int iterations) {
        return Map.of("workbookId", workbookId, "name", name, "iterations", iterations, "seed", 11,
                "inputs", List.of(Map.of("cell", CELL + "B2", "distribution", "Normal(1000, 100)"),
                        Map.of("cell", CELL + "B3", "distribution", "Uniform(500, 700)")),
                "outputs", List.of(Map.of("cell", CELL + "B7"), Map.of("cell", CELL + "B8")));
    }

    /** Runs a simulation to its end, following its progress events. */
    private String simulate(ApiClient client, String workbookId, String name, int iterations) {
        String id = expect(client.post("/api/v1/simulations", spec(workbookId, name, iterations)), 201)
                .json().path("id").asString();
        List<JsonNode> events = client.events("/api/v1/simulations/" + id + "/events", Duration.ofMinutes(2));
        assertThat(events.getLast().path("state").asString()).as("%s", events.getLast()).isEqualTo("completed");
        return id;
    }

    private static Response expect(Response r, int status) {
        assertThat(r.status()).as(() -> "answered " + r).isEqualTo(status);
        return r;
    }

    /** 404 problem+json revealing nothing of A's beyond what the caller sent; {@code soft} null to fail at once. */
    private void assertNotFound(SoftAssertions soft, Response r, String what, Call call) {
        SoftAssertions s = soft == null ? new SoftAssertions() : soft;
        s.assertThat(r.status()).as("%s answered %s", what, r).isEqualTo(404);
        s.assertThat(r.contentType()).as("%s: content type", what).isEqualTo(PROBLEM_JSON);
        assertNothingOfA(s, r, what, call.path() + " " + call.body());
        if (soft == null) {
            s.assertAll();
        }
    }

    private void assertNothingOfA(SoftAssertions soft, Response r, String what, String sent) {
        String answer = r.body() + " " + r.headers();
        for (String marker : markersOfA) {
            if (!sent.contains(marker)) {
                soft.assertThat(answer).as("%s reveals '%s' of organization A: %s", what, marker, r)
                        .doesNotContainIgnoringCase(marker);
            }
        }
    }

    private static void assertForbidden(SoftAssertions soft, Response r, String what) {
        SoftAssertions s = soft == null ? new SoftAssertions() : soft;
        s.assertThat(r.status()).as("%s answered %s", what, r).isEqualTo(403);
        s.assertThat(r.contentType()).as("%s: content type", what).isEqualTo(PROBLEM_JSON);
        if (soft == null) {
            s.assertAll();
        }
    }

    private static void assertUnauthorized(SoftAssertions soft, Response r, String what) {
        SoftAssertions s = soft == null ? new SoftAssertions() : soft;
        s.assertThat(r.status()).as("%s answered %s", what, r).isEqualTo(401);
        s.assertThat(r.contentType()).as("%s: content type", what).isEqualTo(PROBLEM_JSON);
        s.assertThat(r.header("WWW-Authenticate")).as("%s: WWW-Authenticate", what).startsWith("Bearer");
        if (soft == null) {
            s.assertAll();
        }
    }

    private static void assertCsrfRefused(SoftAssertions soft, Response r, String what) {
        soft.assertThat(r.status()).as("%s without the CSRF token answered %s", what, r).isEqualTo(403);
        soft.assertThat(r.contentType()).as("%s: content type", what).isEqualTo(PROBLEM_JSON);
        soft.assertThat(r.body()).as("%s: the reason", what).contains("CSRF");
    }
}
