package io.carlo.server.sso;

import io.carlo.server.security.Secrets;
import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Sign-ins in progress. Only hashes of the state and of the browser-binding cookie are stored, like
 * session tokens; an attempt is taken (deleted) by its callback, so a state works once.
 */
@Repository
public class SsoLoginAttempts {

    /**
     * What the callback needs to finish a sign-in that this instance or another one started.
     *
     * @param browserHash SHA-256 of the binding cookie given to the browser that started it
     */
    public record Attempt(UUID organizationId, String browserHash, String codeVerifier, String nonce,
                          String redirectUri, Instant expiresAt) {
    }

    private final JdbcClient db;

    public SsoLoginAttempts(JdbcClient db) {
        this.db = db;
    }

    public void create(String state, Attempt a, Instant now) {
        db.sql("delete from sso_login_attempts where expires_at < ?").param(Timestamps.of(now)).update();
        db.sql("""
                        insert into sso_login_attempts (state_hash, organization_id, browser_hash, code_verifier, nonce,
                            redirect_uri, created_at, expires_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(Secrets.sha256(state), a.organizationId(), a.browserHash(), a.codeVerifier(), a.nonce(),
                        a.redirectUri(), Timestamps.of(now), Timestamps.of(a.expiresAt()))
                .update();
    }

    /** Removes and returns the attempt with this state; empty when unknown, already used or expired. */
    public Optional<Attempt> take(String state, Instant now) {
        String hash = Secrets.sha256(state);
        Optional<Attempt> found = db.sql("select * from sso_login_attempts where state_hash = ?").param(hash)
                .query((rs, n) -> new Attempt(Timestamps.uuid(rs, "organization_id"), rs.getString("browser_hash"),
                        rs.getString("code_verifier"), rs.getString("nonce"), rs.getString("redirect_uri"),
                        Timestamps.instant(rs, "expires_at")))
                .optional();
        // the delete decides: of two callbacks racing with one state, only one removes the row
        if (found.isEmpty() || db.sql("delete from sso_login_attempts where state_hash = ?").param(hash).update() == 0) {
            return Optional.empty();
        }
        return found.filter(a -> a.expiresAt().isAfter(now));
    }
}
