package io.carlo.server.api;

import io.carlo.server.security.Actor;
import io.carlo.server.security.SessionCookie;
import io.carlo.server.security.SessionStore;
import io.carlo.server.sso.DatabaseClientRegistrations;
import io.carlo.server.sso.SsoConfiguration;
import io.carlo.server.sso.SsoService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Single sign-on: an organization's OpenID Connect provider (owners and admins), and the sign-in
 * through it. The two sign-in routes are public: the browser arrives there before it has a session.
 */
@RestController
@Tag(name = "Single sign-on", description = "sign-in through an organization's OpenID Connect provider")
public class SsoController {

    /** Binds a sign-in to the browser that started it, so that a stolen callback link signs no one in. */
    static final String BINDING_COOKIE = "CARLO_SSO";
    private static final String COOKIE_PATH = "/api/v1/auth/sso";

    /**
     * The configuration as admins see it: the client secret is never returned, only whether one is set.
     *
     * @param redirectUri Carlo's callback, to register at the identity provider as the client's redirect URI
     */
    public record SsoView(UUID organizationId, String issuer, String clientId, boolean clientSecretSet,
                          List<String> emailDomains, String defaultRole, boolean jitMembership, boolean requireSso,
                          String redirectUri, Instant createdAt, Instant updatedAt) {
        static SsoView of(SsoConfiguration c, String redirectUri) {
            return new SsoView(c.organizationId(), c.issuer(), c.clientId(), c.encryptedSecret() != null, c.domains(),
                    c.defaultRole().label(), c.jitMembership(), c.requireSso(), redirectUri, c.createdAt(),
                    c.updatedAt());
        }
    }

    private final SsoService sso;
    private final SessionStore sessions;
    private final SessionCookie cookie;

    public SsoController(SsoService sso, SessionStore sessions, SessionCookie cookie) {
        this.sso = sso;
        this.sessions = sessions;
        this.cookie = cookie;
    }

    @Operation(summary = "The organization's single sign-on configuration (admin); the client secret is never shown")
    @GetMapping("/api/v1/organizations/{id}/sso")
    public SsoView configuration(Actor actor, @PathVariable UUID id) {
        return SsoView.of(sso.configuration(actor, id), callbackUrl());
    }

    @Operation(summary = "Configure single sign-on (admin): the issuer's discovery document is checked before saving; "
            + "clientSecret may be left out to keep the current one")
    @PutMapping("/api/v1/organizations/{id}/sso")
    public SsoView save(Actor actor, @PathVariable UUID id, @RequestBody(required = false) SsoService.Settings body) {
        return SsoView.of(sso.save(actor, id, body), callbackUrl());
    }

    @Operation(summary = "Turn single sign-on off (admin); accounts it created keep their memberships")
    @DeleteMapping("/api/v1/organizations/{id}/sso")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void delete(Actor actor, @PathVariable UUID id) {
        sso.delete(actor, id);
    }

    @Operation(summary = "Start a sign-in with SSO: redirects the browser to the identity provider of the organization "
            + "that signs in this e-mail's domain (or of the organization named)")
    @GetMapping("/api/v1/auth/sso/start")
    public ResponseEntity<Void> start(@RequestParam(required = false) String email,
                                      @RequestParam(required = false) String organization,
                                      HttpServletRequest request, HttpServletResponse response) {
        SsoService.Redirect redirect = sso.start(email, organization, callbackUrl());
        cookie.writeOther(request, response, BINDING_COOKIE, redirect.browserToken(), COOKIE_PATH, Duration.ofMinutes(30));
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, redirect.authorizationUrl())
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    @Operation(summary = "Where the identity provider sends the browser back: checks its answer, signs in (creating "
            + "the account and membership when the organization allows), and redirects to the app")
    @GetMapping(DatabaseClientRegistrations.CALLBACK_PATH)
    public ResponseEntity<Void> callback(@RequestParam(required = false) String code,
                                         @RequestParam(required = false) String state,
                                         @RequestParam(required = false) String error,
                                         @RequestParam(name = "error_description", required = false) String errorDescription,
                                         HttpServletRequest request, HttpServletResponse response) {
        cookie.writeOther(request, response, BINDING_COOKIE, "", COOKIE_PATH, Duration.ZERO);
        SsoService.SignedIn in = sso.complete(state, code, error, errorDescription, bindingCookie(request));
        cookie.write(request, response, sessions.create(in.userId(), in.organizationId()));
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, "/")
                .header(HttpHeaders.CACHE_CONTROL, "no-store").build();
    }

    private static String bindingCookie(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (BINDING_COOKIE.equals(c.getName()) && !c.getValue().isEmpty()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    private static String callbackUrl() {
        return ServletUriComponentsBuilder.fromCurrentContextPath().path(DatabaseClientRegistrations.CALLBACK_PATH)
                .toUriString();
    }
}
