package io.carlo.server.simulations;

/**
 * What a worker claimed: a whole simulation ({@code shard} null), or one shard of a large one.
 */
public record Work(SimulationRecord simulation, Shard shard) {

    /** A range of a simulation's iterations, run by one worker. */
    public record Shard(int index, long firstIteration, long iterations, int attempts) {
    }

    public boolean whole() {
        return shard == null;
    }
}
