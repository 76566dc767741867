package io.carlo.server.simulations;

import java.util.Locale;

/** Where a simulation is in its life: queued, then running, then one of the three ends. */
public enum SimulationState {
    QUEUED, RUNNING, COMPLETED, FAILED, CANCELLED;

    public boolean finished() {
        return this == COMPLETED || this == FAILED || this == CANCELLED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
