package io.carlo.server.sso;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.ApiClient.Response;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import io.carlo.testing.oidc.RedirectingBrowser;
import io.carlo.testing.oidc.RedirectingBrowser.Page;
import io.carlo.testing.oidc.TestIdentityProvider;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Single sign-on against a real OpenID provider (Spring Authorization Server, started here): the
 * whole browser flow from Carlo's start URL through the provider's login form back to Carlo's
 * callback, the rules of who may join, and the configuration API with its isolation between
 * organizations. Runs on H2 and on PostgreSQL (the subclasses).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class SsoTest {

    private static final String PASSWORD = "correct horse battery";
    private static final String OPERATOR_TOKEN = "sso-test-operator-token";

    private TestDatabase db;
    private RunningServer server;
    private TestIdentityProvider idp;
    private ApiClient acmeOwner;
    private String acme;
    private ApiClient bravoOwner;
    private String bravo;

    abstract TestDatabase.Kind database();

    /** More server arguments (the secret key setting, on one of the databases). */
    abstract String[] serverArguments();

    @BeforeAll
    void start() {
        db = TestDatabase.create(database());
        List<String> arguments = new java.util.ArrayList<>(List.of(serverArguments()));
        arguments.addAll(List.of("--carlo.operator.token=" + OPERATOR_TOKEN, "--carlo.plans.free.members=1"));
        server = RunningServer.start(db, arguments.toArray(String[]::new));
        idp = TestIdentityProvider.start(server.baseUrl() + "/api/v1/auth/sso/callback");
        acmeOwner = server.client().signUp("owner@acme.test", "Olivia Owner");
        acme = acmeOwner.get("/api/v1/me").json().path("organization").path("id").asString();
        bravoOwner = server.client().signUp("owner@bravo.test", "Boris Bravo");
        bravo = bravoOwner.get("/api/v1/me").json().path("organization").path("id").asString();
    }

    @AfterAll
    void stop() throws Exception {
        if (idp != null) {
            idp.close();
        }
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // configuration

    @Test
    void anAdminConfiguresSsoAndTheSecretIsNeverShownNorStoredInPlaintext() throws Exception {
        Response saved = configure(Map.of("defaultRole", "analyst"));
        assertThat(saved.status()).as("%s", saved).isEqualTo(200);
        JsonNode view = saved.json();
        assertThat(view.path("issuer").asString()).isEqualTo(idp.issuer());
        assertThat(view.path("clientId").asString()).isEqualTo(TestIdentityProvider.CLIENT_ID);
        assertThat(view.path("clientSecretSet").asBoolean()).isTrue();
        assertThat(view.path("emailDomains").get(0).asString()).isEqualTo("acme.test");
        assertThat(view.path("defaultRole").asString()).isEqualTo("analyst");
        assertThat(view.path("redirectUri").asString()).isEqualTo(server.baseUrl() + "/api/v1/auth/sso/callback");
        assertThat(saved.body()).doesNotContain(TestIdentityProvider.CLIENT_SECRET);

        Response read = acmeOwner.get(ssoPath(acme));
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.body()).doesNotContain(TestIdentityProvider.CLIENT_SECRET).contains("acme.test");

        // saving again without the secret keeps it (the sign-in below would fail otherwise)
        Map<String, Object> withoutSecret = new HashMap<>(settings(Map.of()));
        withoutSecret.remove("clientSecret");
        assertThat(acmeOwner.put(ssoPath(acme), withoutSecret).status()).isEqualTo(200);

        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("select client_secret from sso_configurations")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).startsWith("enc:1:").doesNotContain(TestIdentityProvider.CLIENT_SECRET);
        }
        Page signedIn = signIn("dave@acme.test");
        assertThat(signedIn.status()).as("%s", signedIn).isEqualTo(302);
    }

    @Test
    void theIssuerIsCheckedWhenSaving() {
        Response unreachable = acmeOwner.put(ssoPath(acme), settings(Map.of("issuer", "http://127.0.0.1:9")));
        assertThat(unreachable.status()).as("%s", unreachable).isEqualTo(422);
        assertThat(unreachable.json().path("detail").asString()).contains("discovery document");

        // Carlo's own address serves no discovery document
        Response notAnIssuer = acmeOwner.put(ssoPath(acme), settings(Map.of("issuer", server.baseUrl())));
        assertThat(notAnIssuer.status()).as("%s", notAnIssuer).isEqualTo(422);

        // the issuer must be written exactly as the provider states it: a trailing slash is another issuer
        Response otherName = acmeOwner.put(ssoPath(acme), settings(Map.of("issuer", idp.issuer() + "/")));
        assertThat(otherName.status()).as("%s", otherName).isEqualTo(422);

        Response plainHttp = acmeOwner.put(ssoPath(acme), settings(Map.of("issuer", "http://idp.example.com")));
        assertThat(plainHttp.status()).as("%s", plainHttp).isEqualTo(400);
        assertThat(plainHttp.json().path("detail").asString()).contains("https");

        Response owner = acmeOwner.put(ssoPath(acme), settings(Map.of("defaultRole", "owner")));
        assertThat(owner.status()).isEqualTo(400);
    }

    @Test
    void anotherOrganizationCannotReadOrChangeTheConfiguration() {
        assertThat(configure(Map.of()).status()).isEqualTo(200);
        ApiClient bravoKey = bravoOwner.newKey("owner");
        for (ApiClient b : List.of(bravoOwner, bravoKey)) {
            Response read = b.get(ssoPath(acme));
            assertThat(read.status()).as("%s", read).isEqualTo(404);
            assertThat(read.body()).doesNotContain("acme.test", idp.issuer());
            assertThat(b.put(ssoPath(acme), settings(Map.of())).status()).isEqualTo(404);
            assertThat(b.delete(ssoPath(acme)).status()).isEqualTo(404);
        }
        assertThat(acmeOwner.get(ssoPath(acme)).status()).as("still there").isEqualTo(200);

        // a domain belongs to one organization: Bravo cannot claim Acme's
        Response claim = bravoOwner.put(ssoPath(bravo), settings(Map.of()));
        assertThat(claim.status()).as("%s", claim).isEqualTo(409);
        assertThat(bravoOwner.get(ssoPath(bravo)).status()).isEqualTo(404);

        // an API key of Acme's cannot reach Bravo either, and a viewer of Acme may not manage it
        ApiClient acmeKey = acmeOwner.newKey("owner");
        assertThat(acmeKey.get(ssoPath(bravo)).status()).isEqualTo(404);
        assertThat(acmeKey.get(ssoPath(acme)).status()).isEqualTo(200);
        assertThat(acmeOwner.newKey("viewer").get(ssoPath(acme)).status()).isEqualTo(403);
    }

    // ---------------------------------------------------------------------------------------------
    // sign-in

    @Test
    void aNewPersonSignsInAndJoinsWithTheDefaultRole() {
        assertThat(configure(Map.of("defaultRole", "analyst")).status()).isEqualTo(200);
        RedirectingBrowser browser = new RedirectingBrowser();
        Page end = signIn(browser, "alice@acme.test", "/api/v1/auth/sso/start?email=alice@acme.test");
        assertThat(end.status()).as("%s", end).isEqualTo(302);
        assertThat(end.location()).isEqualTo("/");

        Page me = browser.getJson(server.baseUrl() + "/api/v1/me");
        assertThat(me.status()).as("%s", me).isEqualTo(200);
        JsonNode json = ApiClient.JSON.readTree(me.body());
        assertThat(json.path("email").asString()).isEqualTo("alice@acme.test");
        assertThat(json.path("name").asString()).isEqualTo("Alice");
        assertThat(json.path("organization").path("id").asString()).isEqualTo(acme);
        assertThat(json.path("organization").path("role").asString()).isEqualTo("analyst");

        JsonNode members = acmeOwner.get("/api/v1/organization/members").json();
        assertThat(members.findValuesAsString("email")).contains("alice@acme.test");

        // the account has no password: password sign-in says to use SSO
        Response password = server.client().post("/api/v1/auth/login",
                Map.of("email", "alice@acme.test", "password", "anything at all"));
        assertThat(password.status()).isEqualTo(401);
        assertThat(password.json().path("detail").asString()).contains("single sign-on");

        // a second sign-in finds the same account
        Page again = signIn("alice@acme.test");
        assertThat(again.status()).as("%s", again).isEqualTo(302);
        assertThat(acmeOwner.get("/api/v1/organization/members").json().findValuesAsString("email")
                .stream().filter("alice@acme.test"::equals).count()).isEqualTo(1);

        // both sign-ins are in the organization's audit log, and so is the refused password sign-in
        JsonNode log = acmeOwner.get("/api/v1/organizations/" + acme + "/audit?actor=alice@acme.test").json();
        assertThat(log.path("entries").findValuesAsString("action")).containsExactly("sso.login", "sso.login");
        String alice = json.path("id").asString();
        JsonNode failed = acmeOwner.get("/api/v1/organizations/" + acme + "/audit?action=auth.login_failed").json();
        assertThat(failed.path("entries").findValuesAsString("targetId")).contains(alice);
    }

    @Test
    void anAddressOutsideTheAllowedDomainsIsRefused() {
        assertThat(configure(Map.of()).status()).isEqualTo(200);
        Page end = signIn(new RedirectingBrowser(), "mallory@evil.test", "/api/v1/auth/sso/start?organization=" + acme);
        assertThat(end.status()).as("%s", end).isEqualTo(403);
        assertThat(end.body()).contains("mallory@evil.test", "not in a domain").doesNotContain("Exception");
        assertThat(server.client().get("/api/v1/auth/sso/start?email=mallory@evil.test").status()).isEqualTo(404);
    }

    @Test
    void anUnverifiedAddressIsRefused() {
        assertThat(configure(Map.of()).status()).isEqualTo(200);
        Page end = signIn("unverified@acme.test");
        assertThat(end.status()).as("%s", end).isEqualTo(403);
        assertThat(end.body()).contains("email_verified");
    }

    @Test
    void aTamperedOrReplayedStateIsRefused() {
        assertThat(configure(Map.of()).status()).isEqualTo(200);
        RedirectingBrowser browser = new RedirectingBrowser();
        Page atCallback = toCallback(browser, "bob@acme.test", "/api/v1/auth/sso/start?email=bob@acme.test");
        URI callback = URI.create(atCallback.location());
        String tampered = callback.toString().replaceFirst("state=[^&]+", "state=" + "x".repeat(43));
        assertThat(tampered).isNotEqualTo(callback.toString());

        Page refused = browser.get(tampered);
        assertThat(refused.status()).as("%s", refused).isEqualTo(400);
        assertThat(refused.body()).contains("Single sign-on failed", "unknown");
        assertThat(browser.getJson(server.baseUrl() + "/api/v1/me").status()).isEqualTo(401);

        // the real answer from another browser: the binding cookie is missing
        RedirectingBrowser other = new RedirectingBrowser();
        Page stolen = other.get(callback.toString());
        assertThat(stolen.status()).as("%s", stolen).isEqualTo(400);
        assertThat(stolen.body()).contains("another browser");
        // and the state was used up by that attempt: replaying it in the right browser fails too
        Page replayed = browser.get(callback.toString());
        assertThat(replayed.status()).as("%s", replayed).isEqualTo(400);
        assertThat(browser.getJson(server.baseUrl() + "/api/v1/me").status()).isEqualTo(401);
    }

    @Test
    void anExistingAccountMustBeInvitedAndJitCanBeTurnedOff() {
        // carol has a password account (and an organization of her own): Acme's provider may not take it over
        server.client().signUp("carol@acme.test", "Carol");
        assertThat(configure(Map.of()).status()).isEqualTo(200);
        Page carol = signIn("carol@acme.test");
        assertThat(carol.status()).as("%s", carol).isEqualTo(403);
        assertThat(carol.body()).contains("invitation");

        assertThat(configure(Map.of("jitMembership", false)).status()).isEqualTo(200);
        Page bob = signIn("bob@acme.test");
        assertThat(bob.status()).as("%s", bob).isEqualTo(403);
        assertThat(bob.body()).contains("invitation only");
    }

    @Test
    void aFullOrganizationTakesNoOneInJustInTime() {
        assertThat(configure(Map.of()).status()).isEqualTo(200);
        ApiClient operator = server.client().header("Authorization", "Bearer " + OPERATOR_TOKEN);
        String plan = "/api/v1/operator/organizations/" + acme + "/plan";
        assertThat(operator.put(plan, Map.of("plan", "free")).status()).isEqualTo(200); // 1 member: the owner
        try {
            Page bob = signIn("bob@acme.test");
            assertThat(bob.status()).as("%s", bob).isEqualTo(403);
            assertThat(bob.body()).contains("Free plan allows 1 member").doesNotContain("Exception");
            assertThat(acmeOwner.get("/api/v1/organization/members").json().findValuesAsString("email"))
                    .doesNotContain("bob@acme.test");
        } finally {
            assertThat(operator.put(plan, Map.of("plan", "enterprise")).status()).isEqualTo(200);
        }
    }

    @Test
    void requireSsoRefusesPasswordSignInForMembersOfTheDomain() {
        ApiClient member = server.client().signUp("erin@acme.test", "Erin");
        String erinId = member.get("/api/v1/me").json().path("id").asString();
        Response invitation = acmeOwner.post("/api/v1/organization/invitations",
                Map.of("email", "erin@acme.test", "role", "viewer"));
        assertThat(member.post("/api/v1/invitations/" + invitation.json().path("token").asString() + "/accept", null)
                .status()).isEqualTo(200);
        assertThat(erinId).isNotBlank();
        Map<String, String> login = Map.of("email", "erin@acme.test", "password", PASSWORD);

        assertThat(configure(Map.of("requireSso", false)).status()).isEqualTo(200);
        assertThat(server.client().post("/api/v1/auth/login", login).status()).isEqualTo(200);

        assertThat(configure(Map.of("requireSso", true)).status()).isEqualTo(200);
        Response refused = server.client().post("/api/v1/auth/login", login);
        assertThat(refused.status()).as("%s", refused).isEqualTo(403);
        assertThat(refused.json().path("detail").asString()).contains("single sign-on");
        // someone of another domain is not concerned
        assertThat(server.client().post("/api/v1/auth/login",
                Map.of("email", "owner@bravo.test", "password", PASSWORD)).status()).isEqualTo(200);
        assertThat(configure(Map.of("requireSso", false)).status()).isEqualTo(200);
    }

    // ---------------------------------------------------------------------------------------------

    private String ssoPath(String organization) {
        return "/api/v1/organizations/" + organization + "/sso";
    }

    private Map<String, Object> settings(Map<String, Object> overrides) {
        Map<String, Object> s = new HashMap<>();
        s.put("issuer", idp.issuer());
        s.put("clientId", TestIdentityProvider.CLIENT_ID);
        s.put("clientSecret", TestIdentityProvider.CLIENT_SECRET);
        s.put("emailDomains", List.of("Acme.test"));
        s.put("defaultRole", "viewer");
        s.put("jitMembership", true);
        s.put("requireSso", false);
        s.putAll(overrides);
        return s;
    }

    private Response configure(Map<String, Object> overrides) {
        return acmeOwner.put(ssoPath(acme), settings(overrides));
    }

    private Page signIn(String person) {
        return signIn(new RedirectingBrowser(), person,
                "/api/v1/auth/sso/start?email=" + URLEncoder.encode(person, StandardCharsets.UTF_8));
    }

    /** The whole flow; returns Carlo's answer at its callback. */
    private Page signIn(RedirectingBrowser browser, String person, String startPath) {
        Page atCallback = toCallback(browser, person, startPath);
        return browser.get(URI.create(atCallback.uri().toString()).resolve(atCallback.location()).toString());
    }

    /** From Carlo's start URL through the provider's login form, up to the redirect to Carlo's callback. */
    private Page toCallback(RedirectingBrowser browser, String person, String startPath) {
        Page start = browser.get(server.baseUrl() + startPath);
        assertThat(start.status()).as("%s", start).isEqualTo(302);
        assertThat(start.location()).startsWith(idp.issuer() + "/oauth2/authorize?")
                .contains("code_challenge=", "code_challenge_method=S256", "nonce=", "state=");
        Page loginPage = browser.follow(start);
        assertThat(loginPage.status()).as("%s", loginPage).isEqualTo(200);
        Page afterLogin = browser.logIn(loginPage, person, TestIdentityProvider.PASSWORD);
        Page toCarlo = browser.follow(afterLogin, uri -> uri.toString().startsWith(server.baseUrl()));
        assertThat(toCarlo.location()).as("%s", browser.history).startsWith(server.baseUrl() + "/api/v1/auth/sso/callback?");
        return toCarlo;
    }
}
