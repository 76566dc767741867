package io.carlo.server.tenancy;

import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The invitations table. The link's token is stored hashed, like a password reset link. */
@Repository
public class Invitations {

    private static final RowMapper<Invitation> INVITATION = (rs, n) -> new Invitation(Timestamps.uuid(rs, "id"),
            Timestamps.uuid(rs, "organization_id"), rs.getString("email"), Role.valueOf(rs.getString("role")),
            Timestamps.uuid(rs, "invited_by"), Timestamps.instant(rs, "created_at"),
            Timestamps.instant(rs, "expires_at"), Timestamps.instant(rs, "accepted_at"));

    private final JdbcClient db;

    public Invitations(JdbcClient db) {
        this.db = db;
    }

    public Invitation create(UUID organization, String email, Role role, UUID invitedBy, String tokenHash,
                             Instant now, Instant expires) {
        UUID id = UUID.randomUUID();
        db.sql("""
                insert into invitations (id, organization_id, email, role, token_hash, invited_by, created_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organization, email, role.name(), tokenHash, invitedBy, Timestamps.of(now),
                        Timestamps.of(expires)).update();
        return new Invitation(id, organization, email, role, invitedBy, now, expires, null);
    }

    public List<Invitation> ofOrganization(UUID organization) {
        return db.sql("select * from invitations where organization_id = ? order by created_at desc")
                .param(organization).query(INVITATION).list();
    }

    public Optional<Invitation> byTokenHash(String tokenHash) {
        return db.sql("select * from invitations where token_hash = ?").param(tokenHash).query(INVITATION).optional();
    }

    public boolean delete(UUID organization, UUID id) {
        return db.sql("delete from invitations where organization_id = ? and id = ?").params(organization, id).update() > 0;
    }

    /** Marks an invitation used; false when it was already (two clicks racing). */
    public boolean accept(UUID id, UUID user, Instant now) {
        return db.sql("update invitations set accepted_at = ?, accepted_by = ? where id = ? and accepted_at is null")
                .params(Timestamps.of(now), user, id).update() > 0;
    }
}
