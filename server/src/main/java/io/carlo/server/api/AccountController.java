package io.carlo.server.api;

import io.carlo.server.audit.SignInAudit;
import io.carlo.server.security.Actor;
import io.carlo.server.security.SessionCookie;
import io.carlo.server.security.SessionStore;
import io.carlo.server.sso.SsoService;
import io.carlo.server.tenancy.OrganizationMembership;
import io.carlo.server.tenancy.TenancyService;
import io.carlo.server.tenancy.UserAccount;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Sign-up, sign-in, sign-out and the signed-in account. */
@RestController
@Tag(name = "Account", description = "sign-up, sign-in and the current account")
public class AccountController {

    public record SignUp(String email, String password, String name, String organization) {
        @Override
        public String toString() {
            return "SignUp[email=" + email + ", password=(hidden), name=" + name + ", organization=" + organization + "]";
        }
    }

    public record SignIn(String email, String password) {
        @Override
        public String toString() {
            return "SignIn[email=" + email + ", password=(hidden)]";
        }

    }

    public record OrganizationSummary(UUID id, String name, String role, Instant createdAt) {
        static OrganizationSummary of(OrganizationMembership m) {
            return new OrganizationSummary(m.organization().id(), m.organization().name(), m.role().label(),
                    m.organization().createdAt());
        }
    }

    /**
     * @param organization the organization this request acts in
     * @param apiKey       whether the caller is an API key rather than a browser session
     */
    public record Me(UUID id, String email, String name, Instant createdAt, OrganizationSummary organization,
                     List<OrganizationSummary> organizations, boolean apiKey) {
    }

    public record SwitchOrganization(UUID organizationId) {
    }

    private final TenancyService tenancy;
    private final SessionStore sessions;
    private final SessionCookie cookie;
    private final SsoService sso;
    private final SignInAudit audit;

    public AccountController(TenancyService tenancy, SessionStore sessions, SessionCookie cookie, SsoService sso,
                             SignInAudit audit) {
        this.tenancy = tenancy;
        this.sessions = sessions;
        this.cookie = cookie;
        this.sso = sso;
        this.audit = audit;
    }

    @Operation(summary = "Create an account and its organization, and sign in")
    @PostMapping("/api/v1/auth/signup")
    @ResponseStatus(HttpStatus.CREATED)
    public Me signUp(@RequestBody SignUp body, HttpServletRequest request, HttpServletResponse response) {
        if (body == null) {
            throw ApiException.badRequest("send {\"email\", \"password\", \"name\"}");
        }
        OrganizationMembership org = tenancy.signUp(body.email(), body.password(), body.name(), body.organization());
        UserAccount user = tenancy.authenticate(body.email(), body.password()).orElseThrow();
        cookie.write(request, response, sessions.create(user.id(), org.organization().id()));
        audit.succeeded(user.id(), org.organization().id(), "signup");
        return me(user, org.organization().id(), false);
    }

    @Operation(summary = "Sign in with e-mail and password; sets the session cookie")
    @PostMapping("/api/v1/auth/login")
    public Me signIn(@RequestBody SignIn body, HttpServletRequest request, HttpServletResponse response) {
        String email = body == null ? null : body.email();
        UserAccount user = tenancy.authenticate(email, body == null ? null : body.password()).orElseThrow(() -> {
            audit.failed(email, "wrong e-mail address or password");
            return sso.explainFailedPasswordSignIn(email).orElseGet(() -> new ApiException(
                    HttpStatus.UNAUTHORIZED, "Sign-in failed", "wrong e-mail address or password"));
        });
        try {
            sso.checkPasswordSignIn(user);
        } catch (ApiException e) {
            audit.failed(email, "password sign-in refused: the organization requires single sign-on");
            throw e;
        }
        List<OrganizationMembership> orgs = tenancy.organizationsOf(user.id());
        UUID org = orgs.isEmpty() ? null : orgs.getFirst().organization().id();
        cookie.write(request, response, sessions.create(user.id(), org));
        audit.succeeded(user.id(), org, "password");
        return me(user, org, false);
    }

    @Operation(summary = "Sign out: ends the session")
    @PostMapping("/api/v1/auth/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void signOut(Actor actor, HttpServletRequest request, HttpServletResponse response) {
        if (actor.sessionHash() != null) {
            sessions.delete(actor.sessionHash());
            audit.signedOut(actor.userId(), actor.organizationId());
        }
        cookie.clear(request, response);
    }

    @Operation(summary = "The caller: account, organizations, and the organization this request acts in")
    @GetMapping("/api/v1/me")
    public Me me(Actor actor) {
        return me(tenancy.user(actor.userId()), actor.organizationId(), actor.isApiKey());
    }

    @Operation(summary = "Choose the organization the browser session acts in")
    @PutMapping("/api/v1/me/organization")
    public Me switchOrganization(Actor actor, @RequestBody SwitchOrganization body) {
        // membership first: another organization's id answers 404 to every caller, a key included
        if (body == null || body.organizationId() == null
                || tenancy.roleIn(body.organizationId(), actor.userId()).isEmpty()) {
            throw ApiException.notFound("organization");
        }
        if (actor.sessionHash() == null) {
            throw ApiException.badRequest("an API key belongs to one organization; only a browser session switches");
        }
        sessions.switchOrganization(actor.sessionHash(), body.organizationId());
        return me(tenancy.user(actor.userId()), body.organizationId(), false);
    }

    private Me me(UserAccount user, UUID current, boolean apiKey) {
        List<OrganizationSummary> orgs = tenancy.organizationsOf(user.id()).stream().map(OrganizationSummary::of).toList();
        OrganizationSummary active = orgs.stream().filter(o -> o.id().equals(current)).findFirst().orElse(null);
        return new Me(user.id(), user.email(), user.displayName(), user.createdAt(), active,
                apiKey ? (active == null ? List.of() : List.of(active)) : orgs, apiKey);
    }
}
