package io.carlo.server.tenancy;

import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The users table. E-mail addresses are stored lower-cased, so that sign-in ignores case. */
@Repository
public class Users {

    private static final RowMapper<UserAccount> ACCOUNT = (rs, n) -> new UserAccount(Timestamps.uuid(rs, "id"),
            rs.getString("email"), rs.getString("display_name"), Timestamps.instant(rs, "created_at"));

    private final JdbcClient db;

    public Users(JdbcClient db) {
        this.db = db;
    }

    public static String normalizeEmail(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    /** @param passwordHash null for an account that signs in with single sign-on only */
    public UserAccount create(String email, String displayName, String passwordHash, Instant now) {
        UUID id = UUID.randomUUID();
        db.sql("insert into users (id, email, display_name, password_hash, created_at) values (?, ?, ?, ?, ?)")
                .params(id, normalizeEmail(email), displayName, passwordHash, Timestamps.of(now)).update();
        return new UserAccount(id, normalizeEmail(email), displayName, now);
    }

    public Optional<UserAccount> find(UUID id) {
        return db.sql("select * from users where id = ?").param(id).query(ACCOUNT).optional();
    }

    public Optional<UserAccount> findByEmail(String email) {
        return db.sql("select * from users where email = ?").param(normalizeEmail(email)).query(ACCOUNT).optional();
    }

    /** The stored password hash of an account, for sign-in only; empty for an account of single sign-on. */
    public Optional<String> passwordHash(UUID id) {
        return db.sql("select password_hash from users where id = ? and password_hash is not null").param(id).query(String.class).optional();
    }

    public boolean emailTaken(String email) {
        return db.sql("select count(*) from users where email = ?").param(normalizeEmail(email))
                .query(Long.class).single() > 0;
    }
}
