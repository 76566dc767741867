package io.carlo.server.tenancy;

import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The api_keys table: the key's SHA-256, never the key. */
@Repository
public class ApiKeys {

    private static final RowMapper<ApiKey> KEY = (rs, n) -> new ApiKey(Timestamps.uuid(rs, "id"),
            Timestamps.uuid(rs, "organization_id"), Timestamps.uuid(rs, "user_id"), rs.getString("name"),
            rs.getString("prefix"), Role.valueOf(rs.getString("role")), Timestamps.instant(rs, "created_at"),
            Timestamps.instant(rs, "last_used_at"), Timestamps.instant(rs, "revoked_at"));

    private final JdbcClient db;

    public ApiKeys(JdbcClient db) {
        this.db = db;
    }

    public ApiKey create(UUID organization, UUID user, String name, String prefix, String keyHash, Role role,
                         Instant now) {
        UUID id = UUID.randomUUID();
        db.sql("""
                insert into api_keys (id, organization_id, user_id, name, prefix, key_hash, role, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, organization, user, name, prefix, keyHash, role.name(), Timestamps.of(now)).update();
        return new ApiKey(id, organization, user, name, prefix, role, now, null, null);
    }

    public Optional<ApiKey> byHash(String keyHash) {
        return db.sql("select * from api_keys where key_hash = ?").param(keyHash).query(KEY).optional();
    }

    public Optional<ApiKey> find(UUID organization, UUID id) {
        return db.sql("select * from api_keys where organization_id = ? and id = ?").params(organization, id)
                .query(KEY).optional();
    }

    /** Keys of an organization, or only one user's when {@code user} is not null; newest first. */
    public List<ApiKey> list(UUID organization, UUID user) {
        if (user == null) {
            return db.sql("select * from api_keys where organization_id = ? order by created_at desc")
                    .param(organization).query(KEY).list();
        }
        return db.sql("select * from api_keys where organization_id = ? and user_id = ? order by created_at desc")
                .params(organization, user).query(KEY).list();
    }

    public boolean revoke(UUID organization, UUID id, Instant now) {
        return db.sql("update api_keys set revoked_at = ? where organization_id = ? and id = ? and revoked_at is null")
                .params(Timestamps.of(now), organization, id).update() > 0;
    }

    /** Revokes every key a user made in an organization (they left it, or lost the role the keys carry). */
    public void revokeAllOf(UUID organization, UUID user, Instant now) {
        db.sql("update api_keys set revoked_at = ? where organization_id = ? and user_id = ? and revoked_at is null")
                .params(Timestamps.of(now), organization, user).update();
    }

    /** Records use, at most once a minute per key, so that busy keys do not write on every request. */
    public void touch(UUID id, Instant now) {
        db.sql("update api_keys set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)")
                .params(Timestamps.of(now), id, Timestamps.of(now.minusSeconds(60))).update();
    }
}
