package io.carlo.server.security;

import io.carlo.server.tenancy.ApiKey;
import io.carlo.server.tenancy.ApiKeys;
import io.carlo.server.tenancy.OrganizationMembership;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.TenancyService;
import io.carlo.server.tenancy.UserAccount;
import io.carlo.server.tenancy.Users;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Recognizes who calls: an {@code Authorization: Bearer carlo_...} API key, or the session cookie
 * of a signed-in browser. A request with a key that is wrong or revoked is refused here; a request
 * with neither goes on anonymous, and the authorization rules decide.
 *
 * <p>A browser acts in the organization its session last chose, or the one named by the
 * {@code X-Carlo-Organization} header; membership is checked on every request, so a removed member
 * loses access at once.
 */
public class AuthenticationFilter extends OncePerRequestFilter {

    public static final String ORGANIZATION_HEADER = "X-Carlo-Organization";

    private final ApiKeys apiKeys;
    private final Users users;
    private final SessionStore sessions;
    private final TenancyService tenancy;
    private final ProblemResponses problems;
    private final Clock clock;

    public AuthenticationFilter(ApiKeys apiKeys, Users users, SessionStore sessions, TenancyService tenancy,
                                ProblemResponses problems, Clock clock) {
        this.apiKeys = apiKeys;
        this.users = users;
        this.sessions = sessions;
        this.tenancy = tenancy;
        this.problems = problems;
        this.clock = clock;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String authorization = request.getHeader("Authorization");
        Actor actor;
        if (authorization != null) {
            actor = fromApiKey(authorization);
            if (actor == null) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                        "the API key is not valid or was revoked; send it as 'Authorization: Bearer carlo_...'");
                return;
            }
        } else {
            String token = SessionCookie.read(request);
            actor = token == null ? null : fromSession(token, request.getHeader(ORGANIZATION_HEADER));
            if (actor == null && request.getHeader(ORGANIZATION_HEADER) != null && token != null
                    && sessions.resolve(token).isPresent()) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "Not found",
                        "you are not a member of the organization named by " + ORGANIZATION_HEADER);
                return;
            }
        }
        if (actor != null) {
            SecurityContextHolder.getContext().setAuthentication(new ActorAuthentication(actor));
        }
        try {
            chain.doFilter(request, response);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private Actor fromApiKey(String authorization) {
        if (!authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String secret = authorization.substring(7).trim();
        if (!secret.startsWith(TenancyService.API_KEY_PREFIX) || secret.length() > 100) {
            return null;
        }
        Optional<ApiKey> key = apiKeys.byHash(Secrets.sha256(secret)).filter(ApiKey::active);
        if (key.isEmpty()) {
            return null;
        }
        ApiKey k = key.get();
        Optional<UserAccount> user = users.find(k.userId());
        if (user.isEmpty() || tenancy.roleIn(k.organizationId(), k.userId()).isEmpty()) {
            return null; // its creator left the organization: the key went with them
        }
        apiKeys.touch(k.id(), clock.instant());
        return new Actor(k.userId(), user.get().email(), k.organizationId(), k.role(), k.id(), null);
    }

    private Actor fromSession(String token, String organizationHeader) {
        Optional<SessionStore.Session> found = sessions.resolve(token);
        if (found.isEmpty()) {
            return null;
        }
        SessionStore.Session session = found.get();
        Optional<UserAccount> user = users.find(session.userId());
        if (user.isEmpty()) {
            return null;
        }
        UUID wanted = organizationHeader != null ? parse(organizationHeader) : session.organizationId();
        if (organizationHeader != null && wanted == null) {
            return null;
        }
        Optional<Role> role = wanted == null ? Optional.empty() : tenancy.roleIn(wanted, session.userId());
        if (role.isEmpty()) {
            if (organizationHeader != null) {
                return null;
            }
            // the chosen organization is gone or the user left it: fall back to their first one
            List<OrganizationMembership> all = tenancy.organizationsOf(session.userId());
            wanted = all.isEmpty() ? null : all.getFirst().organization().id();
            role = all.isEmpty() ? Optional.empty() : Optional.of(all.getFirst().role());
            sessions.switchOrganization(session.tokenHash(), wanted);
        }
        return new Actor(session.userId(), user.get().email(), wanted, role.orElse(null), null, session.tokenHash());
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
