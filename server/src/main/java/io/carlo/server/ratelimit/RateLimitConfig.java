package io.carlo.server.ratelimit;

import io.carlo.server.CarloProperties;
import io.carlo.server.security.ProblemResponses;
import io.github.bucket4j.TimeMeter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/**
 * The rate limits' parts: buckets in PostgreSQL when the server runs on it (every instance shares
 * them), in memory with the embedded database; time from the server's {@link Clock}.
 */
@Configuration
public class RateLimitConfig {

    private static final Logger log = LoggerFactory.getLogger(RateLimitConfig.class);

    @Bean
    RateLimiter rateLimiter(CarloProperties properties, DataSource dataSource, Clock clock, MeterRegistry metrics)
            throws SQLException {
        TimeMeter time = timeOf(clock);
        boolean postgres;
        try (Connection c = dataSource.getConnection()) {
            postgres = c.getMetaData().getDatabaseProductName().toLowerCase().contains("postgres");
        }
        BucketStore store = postgres ? new DatabaseBucketStore(dataSource, time) : new MemoryBucketStore(time);
        if (properties.rateLimits().enabled()) {
            log.info("rate limits: buckets in {}", postgres ? "the database, shared by every instance" : "memory");
        } else {
            log.warn("rate limits and the sign-in lock-out are off (carlo.rate-limits.enabled=false)");
        }
        return new RateLimiter(store, properties.rateLimits(), metrics);
    }

    @Bean
    RateLimitFilter rateLimitFilter(RateLimiter limiter, LoginGuard guard, ProblemResponses problems, JsonMapper json,
                                    CarloProperties properties, io.carlo.server.audit.SignInAudit audit) {
        return new RateLimitFilter(limiter, guard, problems, json, properties.rateLimits().heavyCost(), audit);
    }

    /** The filter runs inside Spring Security's chain, after authentication, not as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<RateLimitFilter> rateLimitFilterRegistration(RateLimitFilter filter) {
        FilterRegistrationBean<RateLimitFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    static TimeMeter timeOf(Clock clock) {
        return new TimeMeter() {
            @Override
            public long currentTimeNanos() {
                Instant now = clock.instant();
                return now.getEpochSecond() * 1_000_000_000L + now.getNano();
            }

            @Override
            public boolean isWallClockBased() {
                return true;
            }
        };
    }
}
