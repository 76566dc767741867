package io.carlo.server.sso;

import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import io.carlo.server.billing.QuotaExceededException;
import io.carlo.server.billing.Quotas;
import io.carlo.server.security.Actor;
import io.carlo.server.security.Secrets;
import io.carlo.server.tenancy.Organizations;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.TenancyService;
import io.carlo.server.tenancy.UserAccount;
import io.carlo.server.tenancy.Users;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.http.converter.FormHttpMessageConverter;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
import org.springframework.security.oauth2.client.endpoint.RestClientAuthorizationCodeTokenResponseClient;
import org.springframework.security.oauth2.client.http.OAuth2ErrorResponseErrorHandler;
import org.springframework.security.oauth2.client.oidc.authentication.OidcAuthorizationCodeAuthenticationProvider;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthorizationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationExchange;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationRequest;
import org.springframework.security.oauth2.core.endpoint.OAuth2AuthorizationResponse;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.endpoint.PkceParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2AccessTokenResponseHttpMessageConverter;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClient;

/**
 * Single sign-on with OpenID Connect: each organization's identity provider, and sign-in through it
 * (authorization code flow with PKCE, state and nonce). Spring Security's OIDC client redeems the
 * code and checks the ID token (signature against the provider's JWKS, issuer, audience, expiry,
 * nonce); this class adds Carlo's rules: a verified e-mail address in one of the organization's
 * domains, and who may join.
 *
 * <p>An organization's identity provider is trusted for the addresses of its own domains only, and
 * a domain belongs to one organization at most. It signs in accounts it created (just-in-time) and
 * accounts that are already members; an existing account that is not a member must be invited first,
 * so that no organization can take over an account it does not manage.
 */
@Service
public class SsoService {

    private static final Logger log = LoggerFactory.getLogger(SsoService.class);
    private static final Pattern DOMAIN =
            Pattern.compile("^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}$");
    private static final int MAX_DOMAINS = 50;
    private static final Set<String> LOOPBACK = Set.of("localhost", "127.0.0.1", "[::1]", "::1");

    /** What an admin sends; null fields keep their current value (the secret) or take the default. */
    public record Settings(String issuer, String clientId, String clientSecret, List<String> emailDomains,
                           String defaultRole, Boolean jitMembership, Boolean requireSso) {
        @Override
        public String toString() {
            return "Settings[issuer=" + issuer + ", clientId=" + clientId + ", clientSecret="
                    + (clientSecret == null ? "(unchanged)" : "(hidden)") + ", emailDomains=" + emailDomains
                    + ", defaultRole=" + defaultRole + ", jitMembership=" + jitMembership + ", requireSso=" + requireSso
                    + "]";
        }
    }

    /** Where to send the browser, and the cookie value that binds the sign-in to it. */
    public record Redirect(String authorizationUrl, String browserToken) {
    }

    public record SignedIn(UUID userId, UUID organizationId) {
    }

    private final SsoConfigurations configurations;
    private final SsoLoginAttempts attempts;
    private final DatabaseClientRegistrations registrations;
    private final SsoSecretCipher cipher;
    private final IssuerDiscovery discovery;
    private final TenancyService tenancy;
    private final Users users;
    private final Organizations organizations;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Duration loginTimeout;
    private final OidcAuthorizationCodeAuthenticationProvider oidc;
    private final io.carlo.server.audit.SignInAudit audit;
    private final Quotas quotas;

    public SsoService(SsoConfigurations configurations, SsoLoginAttempts attempts,
                      DatabaseClientRegistrations registrations, SsoSecretCipher cipher, IssuerDiscovery discovery,
                      TenancyService tenancy, Users users, Organizations organizations, TransactionTemplate tx,
                      Clock clock, CarloProperties properties, io.carlo.server.audit.SignInAudit audit, Quotas quotas) {
        this.quotas = quotas;
        this.configurations = configurations;
        this.attempts = attempts;
        this.registrations = registrations;
        this.cipher = cipher;
        this.discovery = discovery;
        this.tenancy = tenancy;
        this.users = users;
        this.organizations = organizations;
        this.tx = tx;
        this.clock = clock;
        this.loginTimeout = properties.sso().loginTimeout();
        this.audit = audit;
        this.oidc = new OidcAuthorizationCodeAuthenticationProvider(tokenClient(),
                // the ID token is the identity: its claims (e-mail, email_verified, name) are what Carlo uses
                request -> new DefaultOidcUser(Set.of(), request.getIdToken()));
    }

    /** The token endpoint is called with time limits, so that a provider that hangs cannot hang a sign-in. */
    private static RestClientAuthorizationCodeTokenResponseClient tokenClient() {
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build());
        requests.setReadTimeout(Duration.ofSeconds(20));
        RestClientAuthorizationCodeTokenResponseClient client = new RestClientAuthorizationCodeTokenResponseClient();
        client.setRestClient(RestClient.builder()
                .messageConverters(List.of(new FormHttpMessageConverter(), new OAuth2AccessTokenResponseHttpMessageConverter()))
                .defaultStatusHandler(new OAuth2ErrorResponseErrorHandler())
                .requestFactory(requests)
                .build());
        return client;
    }

    // ---------------------------------------------------------------------------------------------
    // configuration (owners and admins of the organization)

    public SsoConfiguration configuration(Actor actor, UUID organization) {
        requireAdmin(actor, organization);
        return configurations.find(organization).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "single sign-on is not configured for this organization"));
    }

    public SsoConfiguration save(Actor actor, UUID organization, Settings in) {
        requireAdmin(actor, organization);
        if (in == null) {
            throw ApiException.badRequest("send {\"issuer\", \"clientId\", \"clientSecret\", \"emailDomains\": [...]}");
        }
        Optional<SsoConfiguration> existing = configurations.find(organization);
        String issuer = requireIssuer(in.issuer());
        String clientId = requireText(in.clientId(), "clientId", 500);
        if (in.clientSecret() == null && existing.isEmpty()) {
            throw ApiException.badRequest("clientSecret is required: the secret the identity provider gave Carlo's client");
        }
        String secret = in.clientSecret() == null ? null : requireText(in.clientSecret(), "clientSecret", 2000);
        List<String> domains = requireDomains(in.emailDomains());
        Role role = in.defaultRole() == null ? Role.VIEWER : Role.parse(in.defaultRole());
        if (role == Role.OWNER) {
            throw ApiException.badRequest("the default role of new members can be viewer, analyst or admin, not owner");
        }
        for (String domain : domains) {
            Optional<UUID> holder = configurations.organizationOfDomain(domain);
            if (holder.isPresent() && !holder.get().equals(organization)) {
                throw ApiException.conflict("the domain " + domain + " already signs in through another organization's "
                        + "identity provider; a domain can belong to one organization only");
            }
        }
        // the provider is asked before anything is stored, and outside the transaction
        IssuerDiscovery.Endpoints endpoints = discovery.discover(issuer);
        Instant now = clock.instant();
        String stored = secret != null ? cipher.encrypt(organization, secret) : existing.get().encryptedSecret();
        SsoConfiguration saved = new SsoConfiguration(organization, endpoints.issuer(), clientId, stored,
                endpoints.authMethod(), endpoints.authorizationUri(), endpoints.tokenUri(), endpoints.jwksUri(), domains,
                role, in.jitMembership() == null || in.jitMembership(), Boolean.TRUE.equals(in.requireSso()),
                existing.map(SsoConfiguration::createdAt).orElse(now), now);
        try {
            tx.executeWithoutResult(status -> configurations.save(saved));
        } catch (DuplicateKeyException e) {
            throw ApiException.conflict("one of these domains was just claimed by another organization");
        }
        return saved;
    }

    public void delete(Actor actor, UUID organization) {
        requireAdmin(actor, organization);
        if (!configurations.delete(organization)) {
            throw new ApiException(HttpStatus.NOT_FOUND, "Not found", "single sign-on is not configured for this organization");
        }
    }

    /**
     * An organization's settings are for its own admins: another organization's id, or one the caller
     * is not a member of, answers 404 like a missing one. An API key acts in its own organization only.
     */
    private void requireAdmin(Actor actor, UUID organization) {
        Optional<Role> role = actor.isApiKey()
                ? Optional.ofNullable(organization.equals(actor.organizationId()) ? actor.role() : null)
                : tenancy.roleIn(organization, actor.userId());
        if (role.isEmpty()) {
            throw ApiException.notFound("organization");
        }
        if (!role.get().atLeast(Role.ADMIN)) {
            throw ApiException.forbidden("your role (" + role.get().label() + ") cannot manage single sign-on; "
                    + "it needs admin or above");
        }
    }

    // ---------------------------------------------------------------------------------------------
    // sign-in

    /**
     * Starts a sign-in for an e-mail address (its domain names the organization) or an organization
     * id; {@code redirectUri} is Carlo's callback as the browser reaches it.
     */
    public Redirect start(String email, String organizationId, String redirectUri) {
        UUID organization;
        String hint = null;
        if (email != null && !email.isBlank()) {
            String domain = domainOf(email).orElseThrow(() -> ApiException.badRequest("'" + email
                    + "' is not an e-mail address"));
            organization = configurations.organizationOfDomain(domain).orElseThrow(() -> new ApiException(
                    HttpStatus.NOT_FOUND, "Not found", "no organization signs in with single sign-on for addresses at "
                    + domain + "; sign in with your password"));
            hint = email.trim();
        } else if (organizationId != null && !organizationId.isBlank()) {
            organization = parseId(organizationId);
        } else {
            throw ApiException.badRequest("send ?email=you@example.com or ?organization=<organization id>");
        }
        SsoConfiguration c = configurations.find(organization).orElseThrow(() -> new ApiException(HttpStatus.NOT_FOUND,
                "Not found", "this organization does not sign in with single sign-on"));
        String state = Secrets.newToken();
        String browser = Secrets.newToken();
        String verifier = Secrets.newToken(); // 43 characters of 256 random bits, as RFC 7636 asks
        String nonce = Secrets.newToken();
        Instant now = clock.instant();
        attempts.create(state, new SsoLoginAttempts.Attempt(organization, Secrets.sha256(browser), verifier, nonce,
                redirectUri, now.plus(loginTimeout)), now);
        Map<String, Object> parameters = new java.util.LinkedHashMap<>();
        parameters.put(PkceParameterNames.CODE_CHALLENGE, s256(verifier));
        parameters.put(PkceParameterNames.CODE_CHALLENGE_METHOD, "S256");
        parameters.put(OidcParameterNames.NONCE, s256(nonce)); // the provider echoes it; Spring compares the hash
        if (hint != null) {
            parameters.put("login_hint", hint);
        }
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(c.authorizationUri())
                .clientId(c.clientId())
                .redirectUri(redirectUri)
                .scopes(new LinkedHashSet<>(List.of(DatabaseClientRegistrations.SCOPES)))
                .state(state)
                .additionalParameters(parameters)
                .build();
        return new Redirect(request.getAuthorizationRequestUri(), browser);
    }

    /**
     * Finishes a sign-in from the provider's answer: the code (or its error) and the state, with the
     * binding cookie of the browser that started it. Every refusal says why, for a person to act on.
     */
    public SignedIn complete(String state, String code, String error, String errorDescription, String browserToken) {
        if (state == null || state.isBlank() || state.length() > 200) {
            throw failed(HttpStatus.BAD_REQUEST, "the answer from the identity provider has no valid state");
        }
        SsoLoginAttempts.Attempt attempt = attempts.take(state, clock.instant()).orElseThrow(() -> failed(
                HttpStatus.BAD_REQUEST, "this sign-in is unknown, was already used or has expired"));
        if (browserToken == null || !Secrets.sha256(browserToken).equals(attempt.browserHash())) {
            throw failed(HttpStatus.BAD_REQUEST, "this sign-in was started in another browser (or its cookie was lost)");
        }
        SsoConfiguration c = configurations.find(attempt.organizationId()).orElseThrow(() -> failed(
                HttpStatus.NOT_FOUND, "the organization no longer signs in with single sign-on"));
        OidcUser person = authenticate(registrations.registration(c), attempt, state, code, error, errorDescription);

        String email = person.getEmail();
        if (email == null || email.isBlank()) {
            throw failed(HttpStatus.FORBIDDEN, "the identity provider sent no e-mail address: it must put the 'email' "
                    + "claim in the ID token");
        }
        email = Users.normalizeEmail(email);
        if (!Boolean.TRUE.equals(person.getEmailVerified())) {
            throw failed(HttpStatus.FORBIDDEN, "the identity provider has not verified " + email
                    + " (its 'email_verified' claim is not true)");
        }
        String domain = domainOf(email).orElse("");
        if (!c.allows(domain)) {
            throw failed(HttpStatus.FORBIDDEN, email + " is not in a domain this organization signs in "
                    + "(allowed: " + String.join(", ", c.domains()) + ")");
        }
        UUID organization = c.organizationId();
        String address = email;
        String name = displayName(person, address);
        try {
            SignedIn in = tx.execute(status -> new SignedIn(member(c, address, name), organization));
            audit.succeeded(in.userId(), organization, "sso");
            return in;
        } catch (DuplicateKeyException e) {
            throw failed(HttpStatus.CONFLICT, "another sign-in for " + address + " happened at the same moment; try again");
        }
    }

    /** The account that signs in, made a member (or created) as the organization's settings allow. */
    private UUID member(SsoConfiguration c, String email, String name) {
        Instant now = clock.instant();
        UUID organization = c.organizationId();
        Optional<UserAccount> existing = users.findByEmail(email);
        if (existing.isPresent()) {
            UUID id = existing.get().id();
            if (organizations.role(organization, id).isPresent()) {
                return id;
            }
            // only an account that has no password can have been created by single sign-on: its identity
            // provider manages it. Anyone else is asked to join through an invitation.
            if (c.jitMembership() && users.passwordHash(id).isEmpty()) {
                checkMembers(organization);
                organizations.addMember(organization, id, c.defaultRole(), now);
                return id;
            }
            throw failed(HttpStatus.FORBIDDEN, "a Carlo account for " + email + " exists but is not a member of this "
                    + "organization: ask one of its admins for an invitation, accept it, then sign in with SSO");
        }
        if (!c.jitMembership()) {
            throw failed(HttpStatus.FORBIDDEN, email + " has no Carlo account, and this organization adds members by "
                    + "invitation only: ask one of its admins to invite you");
        }
        checkMembers(organization);
        UserAccount created = users.create(email, name, null, now);
        organizations.addMember(organization, created.id(), c.defaultRole(), now);
        return created.id();
    }

    private OidcUser authenticate(ClientRegistration registration, SsoLoginAttempts.Attempt attempt, String state,
                                  String code, String error, String errorDescription) {
        OAuth2AuthorizationRequest request = OAuth2AuthorizationRequest.authorizationCode()
                .authorizationUri(registration.getProviderDetails().getAuthorizationUri())
                .clientId(registration.getClientId())
                .redirectUri(attempt.redirectUri())
                .scopes(new LinkedHashSet<>(List.of(DatabaseClientRegistrations.SCOPES)))
                .state(state)
                .attributes(a -> {
                    a.put(OAuth2ParameterNames.REGISTRATION_ID, registration.getRegistrationId());
                    a.put(PkceParameterNames.CODE_VERIFIER, attempt.codeVerifier());
                    a.put(OidcParameterNames.NONCE, attempt.nonce());
                })
                .build();
        OAuth2AuthorizationResponse response = error != null
                ? OAuth2AuthorizationResponse.error(error).errorDescription(errorDescription)
                        .redirectUri(attempt.redirectUri()).state(state).build()
                : OAuth2AuthorizationResponse.success(code == null ? "" : code)
                        .redirectUri(attempt.redirectUri()).state(state).build();
        if (error == null && (code == null || code.isBlank())) {
            throw failed(HttpStatus.BAD_REQUEST, "the answer from the identity provider has no code");
        }
        try {
            OAuth2LoginAuthenticationToken result = (OAuth2LoginAuthenticationToken) oidc.authenticate(
                    new OAuth2LoginAuthenticationToken(registration, new OAuth2AuthorizationExchange(request, response)));
            return (OidcUser) result.getPrincipal();
        } catch (OAuth2AuthenticationException e) {
            throw refused(e.getError(), error != null);
        } catch (OAuth2AuthorizationException e) {
            throw refused(e.getError(), error != null);
        }
    }

    private static ApiException refused(OAuth2Error e, boolean fromProvider) {
        String detail = e.getDescription() == null ? "" : " (" + e.getDescription() + ")";
        if (fromProvider) {
            return failed(HttpStatus.UNAUTHORIZED, "the identity provider refused the sign-in: " + e.getErrorCode() + detail);
        }
        log.info("single sign-on refused: {}{}", e.getErrorCode(), detail);
        return switch (e.getErrorCode()) {
            case "invalid_token_response" -> failed(HttpStatus.BAD_GATEWAY, "Carlo could not redeem the sign-in at the "
                    + "identity provider's token endpoint; an admin should check the client id and secret" + detail);
            case "invalid_nonce", "invalid_id_token" -> failed(HttpStatus.UNAUTHORIZED,
                    "the identity provider's ID token failed Carlo's checks" + detail);
            default -> failed(HttpStatus.UNAUTHORIZED, e.getErrorCode() + detail);
        };
    }

    /** A full organization takes no one in just in time: said on the sign-in page like any other refusal. */
    private void checkMembers(UUID organization) {
        try {
            quotas.checkMembers(organization);
        } catch (QuotaExceededException e) {
            String why = e.getMessage();
            throw failed(HttpStatus.FORBIDDEN, why.endsWith(".") ? why.substring(0, why.length() - 1) : why);
        }
    }

    private static ApiException failed(HttpStatus status, String why) {
        return new ApiException(status, "Single sign-on failed", why + ". Start again from Carlo's sign-in page.");
    }

    // ---------------------------------------------------------------------------------------------
    // password sign-in

    /**
     * Why a password sign-in for this address must be refused although (or because) no password
     * matched: the account has no password, as accounts created by single sign-on do. Empty otherwise.
     */
    public Optional<ApiException> explainFailedPasswordSignIn(String email) {
        if (email == null || email.length() > 320) {
            return Optional.empty();
        }
        return users.findByEmail(email).filter(u -> users.passwordHash(u.id()).isEmpty())
                .map(u -> new ApiException(HttpStatus.UNAUTHORIZED, "Sign-in failed",
                        "this account signs in with single sign-on only: use 'Sign in with SSO'"));
    }

    /** Refuses a correct password when an organization of the account requires single sign-on for its domain. */
    public void checkPasswordSignIn(UserAccount user) {
        domainOf(user.email()).filter(domain -> configurations.requiresSso(user.id(), domain)).ifPresent(domain -> {
            throw new ApiException(HttpStatus.FORBIDDEN, "Single sign-on required", "your organization requires "
                    + "addresses at " + domain + " to sign in with single sign-on: use 'Sign in with SSO'");
        });
    }

    // ---------------------------------------------------------------------------------------------

    private static String requireIssuer(String issuer) {
        String text = requireText(issuer, "issuer", 1000);
        URI uri;
        try {
            uri = new URI(text);
        } catch (URISyntaxException e) {
            throw ApiException.badRequest("issuer '" + text + "' is not a URL");
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))
                || uri.getQuery() != null || uri.getFragment() != null) {
            throw ApiException.badRequest("issuer '" + text + "' must be an https URL without query or fragment, "
                    + "exactly as the provider states it (e.g. https://idp.example.com/realms/acme)");
        }
        if (scheme.equals("http") && !LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT))) {
            throw ApiException.badRequest("issuer '" + text + "' must use https (plain http is accepted on this "
                    + "machine's loopback address only)");
        }
        return text;
    }

    private static List<String> requireDomains(List<String> domains) {
        if (domains == null || domains.isEmpty()) {
            throw ApiException.badRequest("emailDomains must name at least one e-mail domain, e.g. [\"example.com\"]");
        }
        if (domains.size() > MAX_DOMAINS) {
            throw ApiException.badRequest("emailDomains can name at most " + MAX_DOMAINS + " domains");
        }
        List<String> clean = new ArrayList<>();
        for (String d : domains) {
            String domain = d == null ? "" : d.trim().toLowerCase(Locale.ROOT);
            if (domain.startsWith("@")) {
                domain = domain.substring(1);
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw ApiException.badRequest("'" + d + "' is not an e-mail domain (e.g. example.com)");
            }
            if (!clean.contains(domain)) {
                clean.add(domain);
            }
        }
        return List.copyOf(clean);
    }

    private static String requireText(String text, String field, int max) {
        if (text == null || text.isBlank()) {
            throw ApiException.badRequest(field + " must not be empty");
        }
        String t = text.trim();
        if (t.length() > max) {
            throw ApiException.badRequest(field + " must have at most " + max + " characters");
        }
        return t;
    }

    static Optional<String> domainOf(String email) {
        String e = email.trim();
        int at = e.lastIndexOf('@');
        return at <= 0 || at == e.length() - 1 ? Optional.empty() : Optional.of(e.substring(at + 1).toLowerCase(Locale.ROOT));
    }

    private static UUID parseId(String id) {
        try {
            return UUID.fromString(id.trim());
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("'" + id + "' is not an organization id");
        }
    }

    private static String displayName(OidcUser person, String email) {
        String name = person.getFullName();
        if (name == null || name.isBlank()) {
            name = person.getPreferredUsername();
        }
        if (name == null || name.isBlank() || name.contains("@")) {
            name = email.substring(0, email.indexOf('@'));
        }
        name = name.strip();
        return name.length() > 200 ? name.substring(0, 200) : name;
    }

    /** BASE64URL(SHA-256(ASCII(text))): the PKCE S256 challenge, and the nonce hash Spring compares. */
    private static String s256(String text) {
        try {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JVM lacks SHA-256", e);
        }
    }
}
