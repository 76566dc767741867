package io.carlo.server.ratelimit;

import io.carlo.server.CarloProperties;
import io.carlo.server.security.Secrets;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.tenancy.Users;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The brute-force lock-out: failed sign-ins are counted per (account, client address) pair in the
 * database (so every instance sees them). After {@code freeFailures} failures each further one
 * locks the pair out for a time that doubles up to {@code max}; a success clears the pair.
 *
 * <p>Locking the pair rather than the account means an attacker cannot lock the real user out: the
 * user's own address is another pair. Locking the account's every address would hand anyone who
 * knows an e-mail address a way to keep its owner out for good. Guessing from many addresses is
 * bounded by the per-address limits instead ({@link RateLimit#LOGIN_FAILURES}). The account is
 * never looked up: an unknown e-mail address is counted and locked exactly like a known one, so the
 * answers tell nothing about which accounts exist.
 */
@Component
public class LoginGuard {

    private final JdbcClient db;
    private final CarloProperties.RateLimits.Lockout settings;
    private final Clock clock;

    public LoginGuard(JdbcClient db, CarloProperties properties, Clock clock) {
        this.db = db;
        this.settings = properties.rateLimits().lockout();
        this.clock = clock;
    }

    /** How long the pair is still locked out, if it is. */
    public Optional<Duration> lockedFor(String email, String address) {
        Instant now = clock.instant();
        return db.sql("select blocked_until from login_failures where pair_hash = ?").param(pair(email, address))
                .query((rs, n) -> Timestamps.instant(rs, "blocked_until")).optional()
                .filter(until -> until != null && until.isAfter(now))
                .map(until -> Duration.between(now, until));
    }

    /** Counts a failure; returns the lock-out it starts, if any. */
    public Optional<Duration> failed(String email, String address) {
        String pair = pair(email, address);
        Instant now = clock.instant();
        if (!countFailure(pair, now)) {
            try {
                db.sql("insert into login_failures (pair_hash, failures, last_failure_at) values (?, 1, ?)")
                        .params(pair, Timestamps.of(now)).update();
            } catch (DuplicateKeyException e) {
                countFailure(pair, now); // another instance recorded this pair's first failure at the same moment
            }
        }
        int failures = db.sql("select failures from login_failures where pair_hash = ?").param(pair)
                .query(Integer.class).optional().orElse(1);
        Optional<Duration> lockout = lockoutAfter(failures);
        lockout.ifPresent(d -> db.sql("update login_failures set blocked_until = ? where pair_hash = ? and failures = ?")
                .params(Timestamps.of(now.plus(d)), pair, failures).update());
        return lockout;
    }

    /** The real user got in: their earlier typos from this address are forgotten. */
    public void succeeded(String email, String address) {
        db.sql("delete from login_failures where pair_hash = ?").param(pair(email, address)).update();
    }

    /** {@code first} after the free failures, doubled with each further one, never more than {@code max}. */
    Optional<Duration> lockoutAfter(int failures) {
        int over = failures - settings.freeFailures();
        if (over <= 0) {
            return Optional.empty();
        }
        Duration lockout = settings.first();
        for (int i = 1; i < over && lockout.compareTo(settings.max()) < 0; i++) {
            lockout = lockout.multipliedBy(2);
        }
        return Optional.of(lockout.compareTo(settings.max()) > 0 ? settings.max() : lockout);
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    public void purgeForgotten() {
        Instant now = clock.instant();
        db.sql("delete from login_failures where last_failure_at < ? and (blocked_until is null or blocked_until < ?)")
                .params(Timestamps.of(now.minus(settings.forgetAfter())), Timestamps.of(now)).update();
    }

    /** Adds a failure to an existing pair (starting again from one when the last was long ago); false if none. */
    private boolean countFailure(String pair, Instant now) {
        return db.sql("""
                        update login_failures
                        set failures = case when last_failure_at < ? then 1 else failures + 1 end, last_failure_at = ?
                        where pair_hash = ?""")
                .params(Timestamps.of(now.minus(settings.forgetAfter())), Timestamps.of(now), pair).update() > 0;
    }

    /** Neither the address nor the e-mail is stored: only a hash of the two. */
    private static String pair(String email, String address) {
        String account = email == null ? "" : Users.normalizeEmail(email);
        return Secrets.sha256(account.toLowerCase(Locale.ROOT) + "\n" + address);
    }
}
