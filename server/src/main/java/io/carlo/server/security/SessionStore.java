package io.carlo.server.security;

import io.carlo.server.CarloProperties;
import io.carlo.server.storage.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Browser sessions, kept in the database so that every instance recognizes every session. The
 * cookie holds a random token; the table holds its SHA-256. A session ends when unused for the idle
 * timeout, at its maximum age, or at sign-out.
 */
@Component
public class SessionStore {

    /** A live session: who, and which organization the browser last chose. */
    public record Session(String tokenHash, UUID userId, UUID organizationId) {
    }

    private final JdbcClient db;
    private final CarloProperties.Sessions settings;
    private final Clock clock;

    public SessionStore(JdbcClient db, CarloProperties properties, Clock clock) {
        this.db = db;
        this.settings = properties.sessions();
        this.clock = clock;
    }

    /** Starts a session and returns the cookie's token. */
    public String create(UUID user, UUID organization) {
        String token = Secrets.newToken();
        Instant now = clock.instant();
        db.sql("""
                insert into sessions (token_hash, user_id, organization_id, created_at, last_seen_at, expires_at)
                values (?, ?, ?, ?, ?, ?)""")
                .params(Secrets.sha256(token), user, organization, Timestamps.of(now), Timestamps.of(now),
                        Timestamps.of(now.plus(settings.maxAge()))).update();
        return token;
    }

    public Optional<Session> resolve(String token) {
        Instant now = clock.instant();
        String hash = Secrets.sha256(token);
        Optional<Session> session = db.sql("""
                        select token_hash, user_id, organization_id from sessions
                        where token_hash = ? and expires_at > ? and last_seen_at > ?""")
                .params(hash, Timestamps.of(now), Timestamps.of(now.minus(settings.idleTimeout())))
                .query((rs, n) -> new Session(rs.getString("token_hash"), Timestamps.uuid(rs, "user_id"),
                        Timestamps.uuid(rs, "organization_id")))
                .optional();
        // the idle clock restarts at most once a minute: a busy browser must not write on every request
        session.ifPresent(s -> db.sql("update sessions set last_seen_at = ? where token_hash = ? and last_seen_at < ?")
                .params(Timestamps.of(now), hash, Timestamps.of(now.minusSeconds(60))).update());
        return session;
    }

    public void switchOrganization(String tokenHash, UUID organization) {
        db.sql("update sessions set organization_id = ? where token_hash = ?").params(organization, tokenHash).update();
    }

    public void delete(String tokenHash) {
        db.sql("delete from sessions where token_hash = ?").param(tokenHash).update();
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purgeExpired() {
        Instant now = clock.instant();
        db.sql("delete from sessions where expires_at <= ? or last_seen_at <= ?")
                .params(Timestamps.of(now), Timestamps.of(now.minus(settings.idleTimeout()))).update();
    }
}
