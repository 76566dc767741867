package io.carlo.server.audit;

import io.carlo.server.tenancy.OrganizationMembership;
import io.carlo.server.tenancy.Organizations;
import io.carlo.server.tenancy.Users;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Sign-in events. A success goes to the log of the organization the session acts in; a failure or
 * lock-out of a known account to the log of each organization it belongs to (their admins watch
 * for attacks on their members), of an unknown address to the log of no organization. The address
 * tried is never recorded: only the account's id, when there is one.
 */
@Component
public class SignInAudit {

    private final AuditLog audit;
    private final Users users;
    private final Organizations organizations;

    public SignInAudit(AuditLog audit, Users users, Organizations organizations) {
        this.audit = audit;
        this.users = users;
        this.organizations = organizations;
    }

    public void succeeded(UUID user, UUID organization, String method) {
        audit.record(AuditEvent.of(AuditActor.user(user), switch (method) {
            case "sso" -> "sso.login";
            case "signup" -> "auth.signup";
            default -> "auth.login";
        },
                "user", user).in(organization).with("method", method));
    }

    public void signedOut(UUID user, UUID organization) {
        audit.record(AuditEvent.of(AuditActor.user(user), "auth.logout", "user", user).in(organization));
    }

    public void failed(String email, String reason) {
        toAccountOrganizations(email, AuditEvent.of(AuditActor.ANONYMOUS, "auth.login_failed", "user", null)
                .with("reason", reason));
    }

    public void lockedOut(String email, Duration lockout) {
        toAccountOrganizations(email, AuditEvent.of(AuditActor.ANONYMOUS, "auth.lockout", "user", null)
                .with("seconds", lockout.toSeconds()));
    }

    private void toAccountOrganizations(String email, AuditEvent event) {
        UUID user = email == null || email.isBlank() ? null : users.findByEmail(email).map(u -> u.id()).orElse(null);
        if (user == null) {
            audit.record(event.with("account", "unknown"));
            return;
        }
        AuditEvent about = new AuditEvent(null, event.actor(), event.action(), "user", user.toString(), event.details(),
                event.client());
        List<OrganizationMembership> orgs = organizations.ofUser(user);
        if (orgs.isEmpty()) {
            audit.record(about);
        }
        for (OrganizationMembership m : orgs) {
            audit.record(about.in(m.organization().id()));
        }
    }
}
