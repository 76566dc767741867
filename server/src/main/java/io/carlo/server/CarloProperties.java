package io.carlo.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
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
 * @param workbookCache the parsed workbooks each instance keeps in memory
 * @param rateLimits  how many requests a client, an API key or a user may make, and the sign-in lock-out
 * @param cors        which other web sites' pages may call the API from a browser
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
                              @DefaultValue WorkbookCache workbookCache,
                              @DefaultValue RateLimits rateLimits,
                              @DefaultValue Cors cors,
                              @DefaultValue Sso sso) {

    /**
     * @param kind {@code auto} (the database with PostgreSQL, so that every instance sees every
     *             file; the data directory with the embedded database), {@code filesystem} or
     *             {@code database}
     */
    public record Storage(@DefaultValue("auto") String kind) {
    }

    /**
     * Limits on uploaded workbooks, which are untrusted input: each guards the server's memory or
     * CPU against a file made to exhaust them.
     *
     * @param maxSize         the largest file accepted (answered 413 before the body is read)
     * @param minInflateRatio the smallest compressed/expanded size ratio of a zip entry: a zip bomb
     *                        expands far more than any real workbook part (POI's ZipSecureFile too)
     * @param maxEntrySize    the most one part of the workbook (a sheet's XML) may expand to
     * @param maxCells        the most cells of a workbook (values and formulas)
     * @param maxFormulas     the most formula cells of a workbook
     * @param parseTimeout    the longest a workbook may take to read; a slower one is refused
     * @param parseThreads    workbooks read at once on this instance (more wait in a short queue,
     *                        and beyond it are answered 503 with Retry-After)
     */
    public record Uploads(@DefaultValue("50MB") DataSize maxSize,
                          @DefaultValue("0.01") double minInflateRatio,
                          @DefaultValue("200MB") DataSize maxEntrySize,
                          @DefaultValue("5000000") long maxCells,
                          @DefaultValue("1000000") long maxFormulas,
                          @DefaultValue("60s") Duration parseTimeout,
                          @DefaultValue("2") int parseThreads) {
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

        /** The token never reaches a log. */
        @Override
        public String toString() {
            return "Metrics[token=" + (enabled() ? "(hidden)" : "(none)") + "]";
        }
    }

    /**
     * @param maxCells the most cells (formulas count twice) of parsed workbooks kept in memory; about
     *                 300 bytes of heap each (measured on the shared workbooks), so the default of
     *                 1,000,000 is about 300 MB at most: some 60 copies of a 7,500-formula model. A
     *                 workbook not in the cache is parsed again from its file when next viewed or run.
     */
    public record WorkbookCache(@DefaultValue("1000000") long maxCells) {
    }

    /**
     * Token buckets (Bucket4j): each limit is {@code BURST/PERIOD}, e.g. {@code 20/1m}: up to 20
     * requests at once, refilled evenly over a minute. Buckets live in the database with PostgreSQL
     * (shared by every instance) and in memory with the embedded database. A limited request answers
     * 429 with {@code Retry-After}. The client address is the connection's, or the proxy's
     * {@code X-Forwarded-For} only with {@code server.forward-headers-strategy=native}.
     *
     * @param enabled       false turns every limit and the lock-out off (a private test server)
     * @param login         sign-in attempts per client address
     * @param loginFailures failed sign-ins per client address, whatever the account (password spraying)
     * @param signup        sign-ups per client address
     * @param anonymous     other unauthenticated requests that change something, per client address
     * @param apiKey        requests per API key
     * @param user          requests per signed-in user (browser sessions)
     * @param heavyCost     tokens a workbook upload or a simulation start takes from the bucket
     * @param lockout       the lock-out of one account from one client address after failed sign-ins
     */
    public record RateLimits(@DefaultValue("true") boolean enabled,
                             @DefaultValue("20/1m") Rate login,
                             @DefaultValue("30/1h") Rate loginFailures,
                             @DefaultValue("20/1h") Rate signup,
                             @DefaultValue("60/1m") Rate anonymous,
                             @DefaultValue("1200/1m") Rate apiKey,
                             @DefaultValue("600/1m") Rate user,
                             @DefaultValue("10") int heavyCost,
                             @DefaultValue Lockout lockout) {

        /** A burst of {@code capacity} requests, refilled evenly over {@code period}; written {@code 20/1m}. */
        public record Rate(long capacity, Duration period) {

            public Rate {
                if (capacity < 1 || period == null || period.isNegative() || period.isZero()) {
                    throw new IllegalArgumentException("a rate limit needs a burst of at least 1 and a positive period");
                }
            }

            /** Reads {@code BURST/PERIOD}: {@code 20/1m}, {@code 1200/60s}, {@code 30/1h}. */
            public static Rate valueOf(String text) {
                String[] parts = text.trim().split("/");
                if (parts.length != 2) {
                    throw new IllegalArgumentException("'" + text + "' is not BURST/PERIOD, e.g. 20/1m");
                }
                return new Rate(Long.parseLong(parts[0].trim()),
                        org.springframework.boot.convert.DurationStyle.detectAndParse(parts[1].trim()));
            }

            @Override
            public String toString() {
                return capacity + "/" + period;
            }
        }

        /**
         * After {@code freeFailures} failed sign-ins of one account from one client address, each
         * further failure locks that pair out for {@code first}, doubled with every failure up to
         * {@code max}. Another address (the real user's) is not locked; a success clears the pair.
         *
         * @param freeFailures failures before the lock-out starts
         * @param first        the first lock-out
         * @param max          the longest lock-out: no one is ever locked out for longer
         * @param forgetAfter  failures older than this no longer count
         */
        public record Lockout(@DefaultValue("5") int freeFailures,
                              @DefaultValue("1s") Duration first,
                              @DefaultValue("5m") Duration max,
                              @DefaultValue("1h") Duration forgetAfter) {
        }
    }

    /**
     * Cross-origin requests (CORS) are closed by default: no page of another site may call the API
     * from a browser. List origins ({@code https://app.example.com}, comma-separated in
     * {@code CARLO_CORS_ALLOWEDORIGINS}) to let their pages call it with an API key; cookies are
     * never sent cross-origin.
     *
     * @param allowedOrigins the origins allowed, exactly as the browser sends them
     */
    public record Cors(@DefaultValue List<String> allowedOrigins) {
    }

    /**
     * Organizations' client secrets are sealed with the encryption-at-rest keys ({@code carlo.encryption}).
     *
     * @param loginTimeout how long a person has to complete a sign-in at the identity provider
     */
    public record Sso(@DefaultValue("10m") Duration loginTimeout) {
    }
}
