package io.carlo.server.privacy;

import io.carlo.server.api.ApiException;
import io.carlo.server.audit.AuditActor;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.security.Actor;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.tenancy.Member;
import io.carlo.server.tenancy.OrganizationMembership;
import io.carlo.server.tenancy.Organizations;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.UserAccount;
import io.carlo.server.tenancy.Users;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes a person's account (GDPR right to erasure). What goes: the account row with its e-mail
 * address, name and password hash; its memberships, sessions and API keys (and their rate-limit
 * buckets); every invitation addressed to its e-mail address; each organization of which it is
 * the only member. What stays, because it belongs to an organization: the workbooks it uploaded
 * and the simulations it started (their uploaded_by and created_by become null), and the audit
 * entries it caused, whose actor is then an id that refers to no one and whose client address and
 * user agent are erased.
 *
 * <p>Refused while the account is the only owner of an organization that has other members: that
 * organization would be left without anyone able to manage it.
 */
@Component
public class AccountDeletion {

    private final Users users;
    private final Organizations organizations;
    private final OrganizationDeletion organizationDeletion;
    private final AuditLog audit;
    private final JdbcClient db;

    public AccountDeletion(Users users, Organizations organizations, OrganizationDeletion organizationDeletion,
                           AuditLog audit, JdbcClient db) {
        this.users = users;
        this.organizations = organizations;
        this.organizationDeletion = organizationDeletion;
        this.audit = audit;
        this.db = db;
    }

    public void delete(Actor actor, String confirmation) {
        if (actor.isApiKey()) {
            throw ApiException.forbidden("an API key cannot delete its owner's account; sign in");
        }
        UserAccount user = users.find(actor.userId()).orElseThrow(() -> ApiException.unauthorized("the account no longer exists"));
        if (confirmation == null || !Users.normalizeEmail(confirmation).equals(user.email())) {
            throw ApiException.badRequest("to delete your account for good, send {\"confirm\": \"<your e-mail address>\"}");
        }
        List<UUID> alone = new ArrayList<>();
        List<OrganizationMembership> memberships = organizations.ofUser(user.id());
        for (OrganizationMembership m : memberships) {
            UUID org = m.organization().id();
            if (m.role() != Role.OWNER || organizations.owners(org) > 1) {
                continue;
            }
            List<Member> members = organizations.members(org);
            if (members.size() > 1) {
                throw ApiException.conflict("you are the only owner of '" + m.organization().name() + "', which has "
                        + (members.size() - 1) + " other member" + (members.size() == 2 ? "" : "s")
                        + ": make one of them an owner, or delete the organization, before deleting your account");
            }
            alone.add(org);
        }
        alone.forEach(organizationDeletion::requireIdle);
        AuditActor self = AuditActor.user(user.id());
        for (UUID org : alone) {
            organizationDeletion.erase(org, self);
        }
        List<UUID> keys = db.sql("select id from api_keys where user_id = ?").param(user.id())
                .query((rs, n) -> Timestamps.uuid(rs, "id")).list();
        audit.inTransaction(() -> {
            for (OrganizationMembership m : memberships) {
                if (!alone.contains(m.organization().id())) {
                    audit.record(AuditEvent.of(self, "account.delete", "user", user.id()).in(m.organization().id()));
                }
            }
            audit.record(AuditEvent.of(self, "account.delete", "user", user.id()));
            for (UUID key : keys) {
                db.sql("delete from rate_limit_buckets where id like ?").param("%:" + key).update();
            }
            db.sql("delete from rate_limit_buckets where id like ?").param("%:" + user.id()).update();
            db.sql("delete from invitations where email = ?").param(user.email()).update();
            // cascades to memberships, sessions and API keys; uploaded_by, created_by, invited_by become null
            db.sql("delete from users where id = ?").param(user.id()).update();
            audit.eraseClientInfoOf(user.id());
        });
    }
}
