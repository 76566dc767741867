package io.carlo.server.api;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every {@code /api/v1} route and how the tenant-isolation suite calls it. The suite reads the
 * routes from the running server and fails when one is missing here, so that no route can be added
 * without saying either which of another organization's objects it can name (and the suite then
 * proves it answers 404 for them), or why it can name none.
 *
 * <p>To add a route: a row in {@link #FOREIGN_IDS} when its path (or body) names an object an
 * organization owns — fill each path variable from {@link Foreign} — or a row in
 * {@link #OWN_SCOPE} with the reason it cannot reach another organization's objects. A GET route in
 * {@link #OWN_SCOPE} is called by the other organization and its answer searched for A's data.
 */
final class IsolationRoutes {

    private IsolationRoutes() {
    }

    /** Organization A's objects, as a caller from organization B would try to name them. */
    record Foreign(String organizationId, String organizationName, String workbookId, String simulationId, String apiKeyId,
                   String invitationId, String invitationToken, String memberUserId) {
    }

    /** A method and a path pattern, as Spring MVC maps them: {@code GET /api/v1/workbooks/{id}}. */
    record Route(String method, String pattern) implements Comparable<Route> {

        private static final Pattern VARIABLE = Pattern.compile("\\{\\*?([^}:]+)(?::[^}]*)?}");

        static Route of(String route) {
            int space = route.indexOf(' ');
            return new Route(route.substring(0, space), route.substring(space + 1));
        }

        Set<String> variables() {
            Set<String> names = new LinkedHashSet<>();
            Matcher m = VARIABLE.matcher(pattern);
            while (m.find()) {
                names.add(m.group(1));
            }
            return names;
        }

        /** The path with each variable replaced by its value. */
        String path(Map<String, String> values) {
            Matcher m = VARIABLE.matcher(pattern);
            StringBuilder path = new StringBuilder();
            while (m.find()) {
                String value = values.get(m.group(1));
                if (value == null) {
                    throw new IllegalArgumentException("no value for {" + m.group(1) + "} of " + this);
                }
                m.appendReplacement(path, Matcher.quoteReplacement(value));
            }
            return m.appendTail(path).toString();
        }

        boolean safe() {
            return method.equals("GET") || method.equals("HEAD");
        }

        @Override
        public int compareTo(Route o) {
            int c = pattern.compareTo(o.pattern);
            return c != 0 ? c : method.compareTo(o.method);
        }

        @Override
        public String toString() {
            return method + " " + pattern;
        }
    }

    /**
     * A route whose path or body names an object of an organization, with A's objects filled in:
     * organization B must get 404 and nothing of A's.
     *
     * @param body the JSON body to send (a valid one, so that the answer depends on the id alone), or null
     */
    record ForeignIdRoute(Route route, Function<Foreign, Map<String, String>> variables,
                          Function<Foreign, Object> body) {
    }

    /**
     * A route that cannot name another organization's object: it acts on the caller's own
     * organization or account.
     *
     * @param variables values for path variables that name no organization's object
     */
    record OwnScopeRoute(Route route, String reason, Map<String, String> variables) {
    }

    private static final String CELL = "'Monte Carlo Test'!";

    static final List<ForeignIdRoute> FOREIGN_IDS = List.of(
            foreign("GET /api/v1/workbooks/{id}", a -> Map.of("id", a.workbookId())),
            foreign("DELETE /api/v1/workbooks/{id}", a -> Map.of("id", a.workbookId())),
            foreign("GET /api/v1/workbooks/{id}/file", a -> Map.of("id", a.workbookId())),
            foreign("GET /api/v1/workbooks/{id}/sheets/{sheet}/cells", a -> Map.of("id", a.workbookId(), "sheet", "0")),
            foreign("GET /api/v1/simulations/{id}", a -> Map.of("id", a.simulationId())),
            foreign("DELETE /api/v1/simulations/{id}", a -> Map.of("id", a.simulationId())),
            foreign("GET /api/v1/simulations/{id}/events", a -> Map.of("id", a.simulationId())),
            foreign("POST /api/v1/simulations/{id}/cancel", a -> Map.of("id", a.simulationId())),
            foreign("GET /api/v1/simulations/{id}/results", a -> Map.of("id", a.simulationId())),
            foreign("GET /api/v1/simulations/{id}/samples.csv", a -> Map.of("id", a.simulationId())),
            foreign("GET /api/v1/simulations/{id}/report.xlsx", a -> Map.of("id", a.simulationId())),
            foreign("GET /api/v1/simulations/{id}/histogram", a -> Map.of("id", a.simulationId())),
            foreign("GET /api/v1/simulations/{id}/samples", a -> Map.of("id", a.simulationId())),
            foreign("DELETE /api/v1/api-keys/{id}", a -> Map.of("id", a.apiKeyId())),
            foreign("DELETE /api/v1/organization/invitations/{id}", a -> Map.of("id", a.invitationId())),
            foreign("PATCH /api/v1/organization/members/{userId}", a -> Map.of("userId", a.memberUserId()),
                    a -> Map.of("role", "viewer")),
            foreign("DELETE /api/v1/organization/members/{userId}", a -> Map.of("userId", a.memberUserId())),
            foreign("POST /api/v1/invitations/{token}/accept", a -> Map.of("token", a.invitationToken())),
            // no path variable, but the body names A's objects
            foreign("POST /api/v1/simulations", a -> Map.of(), a -> Map.of("workbookId", a.workbookId(),
                    "iterations", 100, "inputs", List.of(Map.of("cell", CELL + "B2", "distribution", "Normal(1000, 100)")),
                    "outputs", List.of(Map.of("cell", CELL + "B7")))),
            foreign("PUT /api/v1/me/organization", a -> Map.of(), a -> Map.of("organizationId", a.organizationId())),
            foreign("GET /api/v1/organizations/{id}/sso", a -> Map.of("id", a.organizationId())),
            foreign("PUT /api/v1/organizations/{id}/sso", a -> Map.of("id", a.organizationId()),
                    a -> Map.of("issuer", "https://idp.example.com", "clientId", "carlo", "clientSecret", "s3cret",
                            "emailDomains", List.of("bravo-sso.test"))),
            foreign("DELETE /api/v1/organizations/{id}/sso", a -> Map.of("id", a.organizationId())),
            foreign("GET /api/v1/organizations/{id}/usage", a -> Map.of("id", a.organizationId())),
            foreign("GET /api/v1/organizations/{id}/audit", a -> Map.of("id", a.organizationId())),
            foreign("GET /api/v1/organizations/{id}/audit/export", a -> Map.of("id", a.organizationId())),
            foreign("GET /api/v1/organizations/{id}/audit/verify", a -> Map.of("id", a.organizationId())),
            foreign("GET /api/v1/organizations/{id}/export", a -> Map.of("id", a.organizationId())),
            foreign("DELETE /api/v1/organizations/{id}", a -> Map.of("id", a.organizationId()),
                    a -> Map.of("confirm", a.organizationName())));

    static final List<OwnScopeRoute> OWN_SCOPE = List.of(
            own("POST /api/v1/auth/signup", "public: creates a new account with a new organization"),
            own("POST /api/v1/auth/login", "public: signs in to the caller's own account"),
            own("POST /api/v1/auth/logout", "ends the caller's own session"),
            own("GET /api/v1/auth/sso/start", "public: redirects to the identity provider of the e-mail's domain; names no object"),
            own("GET /api/v1/auth/sso/callback", "public: finishes the caller's own sign-in, found by its one-time state"),
            own("GET /api/v1/me", "the caller's own account and organizations"),
            own("GET /api/v1/organization", "the organization the request acts in"),
            own("PATCH /api/v1/organization", "renames the organization the request acts in"),
            own("POST /api/v1/organizations", "creates a new organization owned by the caller"),
            own("GET /api/v1/organization/members", "members of the organization the request acts in"),
            own("GET /api/v1/organization/invitations", "invitations of the organization the request acts in"),
            own("POST /api/v1/organization/invitations", "invites into the organization the request acts in"),
            own("GET /api/v1/api-keys", "keys of the organization the request acts in"),
            own("POST /api/v1/api-keys", "creates a key for the organization the request acts in"),
            own("GET /api/v1/workbooks", "lists the organization's own workbooks"),
            own("POST /api/v1/workbooks", "uploads into the organization the request acts in"),
            own("GET /api/v1/simulations", "lists the organization's own simulations (a workbookId filter is tested apart)"),
            own("GET /api/v1/distributions", "the distribution catalogue: the same for everyone, no stored object"),
            own("POST /api/v1/distributions/preview", "a density computed from the parameters sent; reads nothing stored"),
            own("GET /api/v1/me/export", "the caller's own personal data (a browser session only: a key answers 403)"),
            own("DELETE /api/v1/me", "deletes the caller's own account"));

    /** Own-scope routes for a signed-in person only: an API key is refused (403) whatever it names. */
    static final Set<Route> SESSION_ONLY = Set.of(Route.of("GET /api/v1/me/export"));

    /**
     * The operator's routes: they take no user's session or API key at all, only the operator token
     * ({@code operations.OperatorAccess}), and act on any organization by design, so organization
     * isolation does not apply to them. {@code billing.QuotaTest} proves that every user credential,
     * an owner's included, is refused there.
     */
    static final String OPERATOR_PREFIX = "/api/v1/operator/";

    /** Routes anyone may call without signing in. */
    static final Set<Route> PUBLIC = Set.of(Route.of("POST /api/v1/auth/signup"), Route.of("POST /api/v1/auth/login"),
            Route.of("GET /api/v1/auth/sso/start"), Route.of("GET /api/v1/auth/sso/callback"));

    private static ForeignIdRoute foreign(String route, Function<Foreign, Map<String, String>> variables) {
        return foreign(route, variables, a -> null);
    }

    private static ForeignIdRoute foreign(String route, Function<Foreign, Map<String, String>> variables,
                                          Function<Foreign, Object> body) {
        return new ForeignIdRoute(Route.of(route), variables, body);
    }

    private static OwnScopeRoute own(String route, String reason) {
        return own(route, reason, Map.of());
    }

    /** For a route whose path variables name nothing an organization owns, e.g. {@code GET /api/v1/distributions/{name}}. */
    private static OwnScopeRoute own(String route, String reason, Map<String, String> variables) {
        return new OwnScopeRoute(Route.of(route), reason, variables);
    }
}
