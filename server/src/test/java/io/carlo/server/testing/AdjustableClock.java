package io.carlo.server.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * A clock that stands still until a test moves it on, for a server whose time-based behaviour
 * (lock-outs, token refills) a test checks exactly without waiting. Start a server with
 * {@link #ARGUMENT}; it then uses this clock everywhere in place of the system's, and
 * {@code server.bean(AdjustableClock.class)} is the handle to move it.
 */
public final class AdjustableClock extends Clock {

    /** The server argument that makes a server use an adjustable clock. */
    public static final String ARGUMENT = "--spring.main.sources=" + Source.class.getName();

    private volatile Instant now;

    /** Starts now (to the microsecond, as the databases keep it). */
    public AdjustableClock() {
        this(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    public AdjustableClock(Instant start) {
        this.now = start;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the server's clock is UTC");
    }

    /**
     * The bean, as an extra source of the server's context (not a component: the servers of other
     * tests, whose scan finds every class in io.carlo.server, must keep the system's clock).
     */
    public static class Source {
        @Bean
        @Primary
        AdjustableClock adjustableClock() {
            return new AdjustableClock();
        }
    }
}
