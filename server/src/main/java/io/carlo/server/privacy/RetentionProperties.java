package io.carlo.server.privacy;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long Carlo keeps data, under {@code carlo.retention.} ({@code CARLO_RETENTION_SIMULATIONS=90d}).
 *
 * @param simulations finished simulations (completed, failed or cancelled) older than this, counted
 *                    from when they finished, are deleted with their results; 0 (the default) keeps
 *                    them forever
 * @param interval    how often each instance looks for simulations past their retention
 */
@ConfigurationProperties("carlo.retention")
public record RetentionProperties(@DefaultValue("0s") Duration simulations,
                                  @DefaultValue("1h") Duration interval) {

    public boolean keepsSimulationsForever() {
        return simulations == null || simulations.isZero() || simulations.isNegative();
    }
}
