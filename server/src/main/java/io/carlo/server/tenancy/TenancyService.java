package io.carlo.server.tenancy;

import io.carlo.server.api.ApiException;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.billing.Quotas;
import io.carlo.server.security.Actor;
import io.carlo.server.security.Secrets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of accounts, organizations, memberships, invitations and API keys: who may do what to
 * whom. Every method that touches an organization takes the {@link Actor} and acts in the actor's
 * organization only.
 */
@Service
public class TenancyService {

    /** Deliberately loose: one @, something on each side, a dot in the domain. The invitation proves the rest. */
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final int MIN_PASSWORD = 10;
    private static final int MAX_PASSWORD = 256;
    private static final Duration INVITATION_LIFETIME = Duration.ofDays(7);
    /** API keys look like {@code carlo_<43 characters>}; the prefix tells them apart from other secrets in logs. */
    public static final String API_KEY_PREFIX = "carlo_";

    private final Users users;
    private final Organizations organizations;
    private final Invitations invitations;
    private final ApiKeys apiKeys;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuditLog audit;
    private final Quotas quotas;
    /** Compared against when the e-mail is unknown, so that a wrong address costs as long as a wrong password. */
    private final String decoyHash;

    public TenancyService(Users users, Organizations organizations, Invitations invitations, ApiKeys apiKeys,
                          PasswordEncoder passwords, Clock clock, AuditLog audit, Quotas quotas) {
        this.quotas = quotas;
        this.users = users;
        this.organizations = organizations;
        this.invitations = invitations;
        this.apiKeys = apiKeys;
        this.passwords = passwords;
        this.clock = clock;
        this.audit = audit;
        this.decoyHash = passwords.encode("decoy password that nobody has");
    }

    /** A new account with its own organization, of which it is the owner. */
    @Transactional
    public OrganizationMembership signUp(String email, String password, String displayName, String organizationName) {
        String address = requireEmail(email);
        if (password == null || password.length() < MIN_PASSWORD || password.length() > MAX_PASSWORD) {
            throw ApiException.badRequest("the password must have between " + MIN_PASSWORD + " and " + MAX_PASSWORD
                    + " characters");
        }
        String name = displayName == null || displayName.isBlank() ? address.substring(0, address.indexOf('@'))
                : requireName(displayName, "name");
        if (users.emailTaken(address)) {
            throw ApiException.conflict("an account with this e-mail address already exists; sign in instead");
        }
        Instant now = clock.instant();
        UserAccount user = users.create(address, name, passwords.encode(password), now);
        String orgName = organizationName == null || organizationName.isBlank() ? name + "'s organization"
                : requireName(organizationName, "organization name");
        Organization org = organizations.create(orgName, now);
        organizations.addMember(org.id(), user.id(), Role.OWNER, now);
        return new OrganizationMembership(org, Role.OWNER);
    }

    /** The account whose e-mail and password these are, if any. */
    public Optional<UserAccount> authenticate(String email, String password) {
        if (email == null || password == null || password.length() > MAX_PASSWORD) {
            passwords.matches("x", decoyHash);
            return Optional.empty();
        }
        Optional<UserAccount> user = users.findByEmail(email);
        String hash = user.flatMap(u -> users.passwordHash(u.id())).orElse(decoyHash);
        boolean ok = passwords.matches(password, hash);
        return ok ? user : Optional.empty();
    }

    public UserAccount user(UUID id) {
        return users.find(id).orElseThrow(() -> ApiException.unauthorized("the account no longer exists"));
    }

    public List<OrganizationMembership> organizationsOf(UUID user) {
        return organizations.ofUser(user);
    }

    public Optional<Role> roleIn(UUID organization, UUID user) {
        return organizations.role(organization, user);
    }

    /**
     * The caller's role in an organization named by id, at least {@code needed}. An organization the
     * caller is not a member of answers 404 like a missing one; an API key acts in its own only.
     */
    public Role requireRole(Actor actor, UUID organization, Role needed, String action) {
        Optional<Role> role = actor.isApiKey()
                ? Optional.ofNullable(organization.equals(actor.organizationId()) ? actor.role() : null)
                : roleIn(organization, actor.userId());
        if (role.isEmpty()) {
            throw ApiException.notFound("organization");
        }
        if (!role.get().atLeast(needed)) {
            throw ApiException.forbidden("your role (" + role.get().label() + ") cannot " + action + "; it needs "
                    + needed.label() + " or above");
        }
        return role.get();
    }

    @Transactional
    public OrganizationMembership createOrganization(Actor actor, String name) {
        if (actor.isApiKey()) {
            throw ApiException.forbidden("an API key cannot create organizations; sign in");
        }
        Instant now = clock.instant();
        Organization org = organizations.create(requireName(name, "organization name"), now);
        organizations.addMember(org.id(), actor.userId(), Role.OWNER, now);
        audit.record(AuditEvent.of(actor, "organization.create", "organization", org.id()).in(org.id()));
        return new OrganizationMembership(org, Role.OWNER);
    }

    public Organization organization(Actor actor) {
        return organizations.find(actor.organization()).orElseThrow(() -> ApiException.notFound("organization"));
    }

    public Organization rename(Actor actor, String name) {
        actor.require(Role.ADMIN, "rename the organization");
        organizations.rename(actor.organization(), requireName(name, "organization name"));
        audit.record(AuditEvent.of(actor, "organization.rename", "organization", actor.organization()));
        return organization(actor);
    }

    public List<Member> members(Actor actor) {
        return organizations.members(actor.organization());
    }

    @Transactional
    public Member changeRole(Actor actor, UUID userId, Role role) {
        actor.require(Role.ADMIN, "change roles");
        UUID org = actor.organization();
        Member member = organizations.member(org, userId).orElseThrow(() -> ApiException.notFound("member"));
        if ((role == Role.OWNER || member.role() == Role.OWNER) && actor.role() != Role.OWNER) {
            throw ApiException.forbidden("only an owner can grant or take away ownership");
        }
        if (member.role() == Role.OWNER && role != Role.OWNER && organizations.owners(org) == 1) {
            throw ApiException.conflict("the organization must keep an owner: make another member owner first");
        }
        organizations.setRole(org, userId, role);
        audit.record(AuditEvent.of(actor, "member.role_change", "user", userId).with("from", member.role().label())
                .with("to", role.label()));
        if (!role.atLeast(member.role())) {
            // keys carry at most their creator's role: a demotion takes the stronger keys away
            for (ApiKey key : apiKeys.list(org, userId)) {
                if (key.active() && !role.atLeast(key.role())) {
                    apiKeys.revoke(org, key.id(), clock.instant());
                    audit.record(AuditEvent.of(actor, "api_key.revoke", "api_key", key.id())
                            .with("reason", "its creator's role was lowered"));
                }
            }
        }
        return organizations.member(org, userId).orElseThrow();
    }

    @Transactional
    public void removeMember(Actor actor, UUID userId) {
        UUID org = actor.organization();
        boolean self = userId.equals(actor.userId()) && !actor.isApiKey();
        if (!self) {
            actor.require(Role.ADMIN, "remove members");
        }
        Member member = organizations.member(org, userId).orElseThrow(() -> ApiException.notFound("member"));
        if (member.role() == Role.OWNER && !self && actor.role() != Role.OWNER) {
            throw ApiException.forbidden("only an owner can remove an owner");
        }
        if (member.role() == Role.OWNER && organizations.owners(org) == 1) {
            throw ApiException.conflict("the organization must keep an owner: make another member owner first");
        }
        organizations.removeMember(org, userId);
        apiKeys.revokeAllOf(org, userId, clock.instant());
        audit.record(AuditEvent.of(actor, self ? "member.leave" : "member.remove", "user", userId)
                .with("role", member.role().label()));
    }

    /** The invitation and the secret token of its link (shown once: only its hash is stored). */
    public record IssuedInvitation(Invitation invitation, String token) {
        @Override
        public String toString() {
            return "IssuedInvitation[invitation=" + invitation + ", token=(hidden)]";
        }

    }

    @Transactional
    public IssuedInvitation invite(Actor actor, String email, Role role) {
        actor.require(Role.ADMIN, "invite members");
        if (role == Role.OWNER && actor.role() != Role.OWNER) {
            throw ApiException.forbidden("only an owner can invite an owner");
        }
        String address = requireEmail(email);
        UUID org = actor.organization();
        Optional<UserAccount> existing = users.findByEmail(address);
        if (existing.isPresent() && organizations.role(org, existing.get().id()).isPresent()) {
            throw ApiException.conflict(address + " is already a member");
        }
        quotas.checkInvitation(org);
        String token = Secrets.newToken();
        Instant now = clock.instant();
        Invitation inv = invitations.create(org, address, role, actor.userId(), Secrets.sha256(token), now,
                now.plus(INVITATION_LIFETIME));
        // the invitation's id, not the address: the log keeps no e-mail addresses
        audit.record(AuditEvent.of(actor, "member.invite", "invitation", inv.id()).with("role", role.label()));
        return new IssuedInvitation(inv, token);
    }

    public List<Invitation> invitations(Actor actor) {
        actor.require(Role.ADMIN, "see invitations");
        return invitations.ofOrganization(actor.organization());
    }

    public void revokeInvitation(Actor actor, UUID id) {
        actor.require(Role.ADMIN, "revoke invitations");
        if (!invitations.delete(actor.organization(), id)) {
            throw ApiException.notFound("invitation");
        }
        audit.record(AuditEvent.of(actor, "invitation.revoke", "invitation", id));
    }

    /**
     * Joins the organization an invitation is for; the invitation must be addressed to the signed-in
     * user. One addressed to someone else answers like a missing one: its link must not tell a
     * stranger who was invited, or that the organization exists.
     */
    @Transactional
    public OrganizationMembership accept(Actor actor, String token) {
        Instant now = clock.instant();
        Invitation inv = invitations.byTokenHash(Secrets.sha256(token == null ? "" : token))
                .filter(i -> i.open(now) && i.email().equalsIgnoreCase(actor.email()))
                .orElseThrow(() -> new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "Not found",
                        "this invitation does not exist, was already used, has expired, or was sent to another "
                                + "e-mail address than the one you signed in with"));
        if (actor.isApiKey()) {
            throw ApiException.forbidden("sign in to accept an invitation");
        }
        if (organizations.role(inv.organizationId(), actor.userId()).isPresent()) {
            throw ApiException.conflict("you are already a member of this organization");
        }
        quotas.checkMembers(inv.organizationId());
        if (!invitations.accept(inv.id(), actor.userId(), now)) {
            throw ApiException.conflict("this invitation was already used");
        }
        organizations.addMember(inv.organizationId(), actor.userId(), inv.role(), now);
        audit.record(AuditEvent.of(actor, "member.join", "invitation", inv.id()).in(inv.organizationId())
                .with("role", inv.role().label()));
        return new OrganizationMembership(organizations.find(inv.organizationId()).orElseThrow(), inv.role());
    }

    /** A new key and its secret, which is shown once. */
    public record IssuedKey(ApiKey key, String secret) {
        @Override
        public String toString() {
            return "IssuedKey[key=" + key + ", secret=(hidden)]";
        }

    }

    public IssuedKey createKey(Actor actor, String name, Role requested) {
        if (actor.isApiKey()) {
            throw ApiException.forbidden("an API key cannot create API keys; sign in");
        }
        UUID org = actor.organization();
        Role role = requested != null ? requested : (actor.role().atLeast(Role.ANALYST) ? Role.ANALYST : Role.VIEWER);
        if (!actor.role().atLeast(role)) {
            throw ApiException.forbidden("a key cannot have more rights than you: your role is " + actor.role().label());
        }
        String secret = API_KEY_PREFIX + Secrets.newToken();
        String label = name == null || name.isBlank() ? "API key" : requireName(name, "key name");
        ApiKey key = apiKeys.create(org, actor.userId(), label, secret.substring(0, API_KEY_PREFIX.length() + 6),
                Secrets.sha256(secret), role, clock.instant());
        audit.record(AuditEvent.of(actor, "api_key.create", "api_key", key.id()).with("role", role.label())
                .with("owner", actor.userId()));
        return new IssuedKey(key, secret);
    }

    /** Admins see every key of the organization, others their own. */
    public List<ApiKey> keys(Actor actor) {
        return apiKeys.list(actor.organization(), actor.role().atLeast(Role.ADMIN) ? null : actor.userId());
    }

    public void revokeKey(Actor actor, UUID id) {
        ApiKey key = apiKeys.find(actor.organization(), id).orElseThrow(() -> ApiException.notFound("API key"));
        if (!key.userId().equals(actor.userId())) {
            actor.require(Role.ADMIN, "revoke other members' keys");
        }
        if (!apiKeys.revoke(actor.organization(), id, clock.instant())) {
            throw ApiException.conflict("this key was already revoked");
        }
        audit.record(AuditEvent.of(actor, "api_key.revoke", "api_key", id).with("owner", key.userId()));
    }

    private static String requireEmail(String email) {
        if (email == null || email.length() > 320 || !EMAIL.matcher(email.trim()).matches()) {
            throw ApiException.badRequest("'" + email + "' is not an e-mail address");
        }
        return Users.normalizeEmail(email);
    }

    private static String requireName(String name, String what) {
        if (name == null || name.isBlank()) {
            throw ApiException.badRequest("the " + what + " must not be empty");
        }
        String trimmed = name.strip();
        if (trimmed.length() > 200) {
            throw ApiException.badRequest("the " + what + " must have at most 200 characters");
        }
        return trimmed;
    }
}
