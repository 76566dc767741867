package io.carlo.server;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Everything an operator can set, under the {@code carlo.} prefix (application.properties,
 * environment variables such as {@code CARLO_WORKERS_SLOTS}, or command-line flags).
 *
 * @param data        the data directory: the embedded database and the file store live there
 * @param storage     where workbook files and result samples are kept
 * @param uploads     limits on uploaded workbooks
 * @param workers     the simulation workers of this instance
 * @param sessions    browser sessions
 * @param simulations limits on simulations
 * @param metrics     access to the Prometheus metrics
 * @param sso         single sign-on with OpenID Connect
 */
@ConfigurationProperties("carlo")
public record CarloProperties(@DefaultValue("carlo-data") Path data,
                              @DefaultValue Storage storage,
                              @DefaultValue Uploads uploads,
                              @DefaultValue Workers workers,
                              @DefaultValue Sessions sessions,
                              @DefaultValue Simulations simulations,
                              @DefaultValue Metrics metrics,
                              @DefaultValue Sso sso) {

    /**
     * @param kind {@code auto} (the database with PostgreSQL, so that every instance sees every
     *             file; the data directory with the embedded database), {@code filesystem} or
     *             {@code database}
     */
    public record Storage(@DefaultValue("auto") String kind) {
    }

    /** @param maxSize the largest workbook accepted */
    public record Uploads(@DefaultValue("50MB") DataSize maxSize) {
    }

    /**
     * @param enabled      whether this instance runs simulations (an API-only instance sets false)
     * @param slots        simulations this instance runs at once (each uses {@code threads} threads)
     * @param threads      threads per simulation; 0 for every core
     * @param pollInterval how often an idle worker looks for queued simulations
     * @param lease        how long a claimed simulation stays with this instance without a heartbeat;
     *                     after that another instance takes it over
     * @param maxAttempts  how many times a simulation is started before it is declared failed
     *                     (a model that kills its worker every time must not loop forever)
     */
    public record Workers(@DefaultValue("true") boolean enabled,
                          @DefaultValue("1") int slots,
                          @DefaultValue("0") int threads,
                          @DefaultValue("500ms") Duration pollInterval,
                          @DefaultValue("30s") Duration lease,
                          @DefaultValue("3") int maxAttempts) {

        public int threadsPerRun() {
            return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
        }

        /** Heartbeats come three times per lease, so one late heartbeat does not lose it. */
        public Duration heartbeat() {
            return lease.dividedBy(3);
        }
    }

    /**
     * @param idleTimeout a session unused this long ends
     * @param maxAge      a session ends this long after sign-in whatever its use
     * @param secureCookie {@code auto}: Secure cookies when the request came over HTTPS (directly or
     *                    through a proxy's X-Forwarded-Proto); {@code always}; {@code never}
     */
    public record Sessions(@DefaultValue("12h") Duration idleTimeout,
                           @DefaultValue("30d") Duration maxAge,
                           @DefaultValue("auto") String secureCookie) {
    }

    /**
     * @param maxIterations           the most iterations one simulation may ask for
     * @param maxConcurrentPerOrganization simulations of one organization running at once, across
     *                                all instances (its other simulations wait in the queue)
     * @param progressInterval        how often a running simulation's progress is written to the
     *                                database (and so reaches the event streams of every instance)
     * @param shardIterations         a simulation of more iterations is split into shards of about
     *                                this many, run by several workers at once and merged exactly
     * @param maxShards               the most shards of one simulation
     */
    public record Simulations(@DefaultValue("10000000") long maxIterations,
                              @DefaultValue("2") int maxConcurrentPerOrganization,
                              @DefaultValue("250ms") Duration progressInterval,
                              @DefaultValue("1000000") long shardIterations,
                              @DefaultValue("16") int maxShards) {

        /** How many shards a simulation of {@code iterations} is split into (1: not split). */
        public int shardsFor(long iterations, boolean autoStop) {
            if (autoStop || shardIterations <= 0 || iterations <= shardIterations) {
                return 1; // a run that stops itself when it converges must run in iteration order
            }
            return (int) Math.min(Math.max(1, maxShards), (iterations + shardIterations - 1) / shardIterations);
        }
    }

    /**
     * @param token the bearer token Prometheus sends to scrape {@code /actuator/prometheus}
     *              ({@code CARLO_METRICS_TOKEN}); without one the metrics are not served
     */
    public record Metrics(String token) {

        public boolean enabled() {
            return token != null && !token.isBlank();
        }
    }

    /**
     * @param secretKey    the AES-256 key (Base64 of 32 random bytes, e.g. {@code openssl rand -base64 32})
     *                     that encrypts the organizations' OIDC client secrets in the database
     *                     ({@code CARLO_SSO_SECRETKEY}); empty: a key generated on first use in the
     *                     data directory ({@code sso-secret.key}), which is fine for one instance;
     *                     several instances must share one key through this setting
     * @param loginTimeout how long a person has to complete a sign-in at the identity provider
     */
    public record Sso(String secretKey,
                      @DefaultValue("10m") Duration loginTimeout) {
    }
}
