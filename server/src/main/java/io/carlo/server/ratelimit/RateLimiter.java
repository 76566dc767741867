package io.carlo.server.ratelimit;

import io.carlo.server.CarloProperties;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.EstimationProbe;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Takes tokens from the bucket of one subject (an address, an API key, a user) under one limit,
 * and counts every refusal in {@code carlo_rate_limit_rejections_total{limit=...}}.
 */
public class RateLimiter {

    /** What a bucket said: allowed or not, what is left, and when to come back. */
    public record Decision(boolean allowed, RateLimit limit, long capacity, long remaining, long retryAfterSeconds) {
    }

    private final BucketStore store;
    private final CarloProperties.RateLimits settings;
    private final Map<RateLimit, BucketConfiguration> configurations = new EnumMap<>(RateLimit.class);
    private final Map<RateLimit, Counter> rejections = new EnumMap<>(RateLimit.class);

    RateLimiter(BucketStore store, CarloProperties.RateLimits settings, MeterRegistry metrics) {
        this.store = store;
        this.settings = settings;
        for (RateLimit limit : RateLimit.values()) {
            // registered now, so that dashboards and alerts find the series before the first refusal
            rejections.put(limit, Counter.builder("carlo.rate.limit.rejections").tag("limit", limit.tag())
                    .description("requests refused by a rate limit or the sign-in lock-out").register(metrics));
            if (limit != RateLimit.LOGIN_LOCKOUT) {
                CarloProperties.RateLimits.Rate rate = limit.rate(settings);
                configurations.put(limit, BucketConfiguration.builder()
                        .addLimit(Bandwidth.builder().capacity(rate.capacity())
                                .refillGreedy(rate.capacity(), rate.period()).build())
                        .build());
            }
        }
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Takes {@code tokens} (at most the bucket's size, so that a request can always pass some day). */
    public Decision consume(RateLimit limit, String subject, long tokens) {
        long capacity = limit.rate(settings).capacity();
        ConsumptionProbe probe = store.bucket(key(limit, subject), configurations.get(limit))
                .tryConsumeAndReturnRemaining(Math.min(Math.max(1, tokens), capacity));
        Decision decision = new Decision(probe.isConsumed(), limit, capacity, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForRefill()));
        if (!decision.allowed()) {
            rejected(limit);
        }
        return decision;
    }

    /** Whether one token is there, without taking it. */
    public Decision check(RateLimit limit, String subject) {
        long capacity = limit.rate(settings).capacity();
        EstimationProbe probe = store.bucket(key(limit, subject), configurations.get(limit)).estimateAbilityToConsume(1);
        Decision decision = new Decision(probe.canBeConsumed(), limit, capacity, probe.getRemainingTokens(),
                seconds(probe.getNanosToWaitForRefill()));
        if (!decision.allowed()) {
            rejected(limit);
        }
        return decision;
    }

    /** Counts a refusal decided elsewhere (the sign-in lock-out). */
    public void rejected(RateLimit limit) {
        rejections.get(limit).increment();
    }

    @Scheduled(fixedDelayString = "PT1M", initialDelayString = "PT1M")
    public void evictIdle() {
        store.evictIdle();
    }

    private static String key(RateLimit limit, String subject) {
        return limit.tag() + ":" + subject;
    }

    /** Whole seconds, rounded up: "Retry-After: 0" would invite an immediate retry that fails again. */
    static long seconds(long nanos) {
        return Math.max(1, (nanos + 999_999_999L) / 1_000_000_000L);
    }
}
