package io.carlo.engine.simulation;

/** The run was cancelled before it finished; it produced no result. */
public final class SimulationCancelledException extends RuntimeException {

    public SimulationCancelledException() {
        super("the simulation was cancelled", null, false, false);
    }
}
