package io.carlo.server.simulations;

import io.carlo.server.CarloProperties;
import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The shards of large simulations (table simulation_shards), the queue's second level. A
 * simulation of more than {@code carlo.simulations.shard-iterations} iterations is split when a
 * worker first claims it; from then on its shards are claimed one by one, by any instance, under
 * leases of their own, exactly as whole simulations are. The engine makes a shard's samples the
 * exact slice of the whole run's, so the worker that completes the last shard joins them into the
 * same results a single worker would have produced.
 *
 * <p>While its shards run, the simulation row is RUNNING with no lease owner and a lease that
 * never expires: the simulation-level queue leaves it alone, and it still counts against its
 * organization's limit on concurrent runs. The merging worker then takes an ordinary lease on it,
 * so a merger that dies is replaced like any other worker.
 */
@Component
public class Shards {

    static final Instant NO_EXPIRY = Instant.parse("9999-12-31T00:00:00Z");

    /** A shard as stored: where it stands and, once completed, where its samples are. */
    public record Row(int index, long firstIteration, long iterations, String state, String samplesBlob) {

        boolean completed() {
            return "COMPLETED".equals(state);
        }
    }

    private final JdbcClient db;
    private final Simulations simulations;
    private final CarloProperties properties;

    public Shards(JdbcClient db, Simulations simulations, CarloProperties properties) {
        this.db = db;
        this.simulations = simulations;
        this.properties = properties;
    }

    /**
     * Claims a queued shard, or one whose lease expired, of a running simulation: work already
     * started finishes first. Runs inside the caller's transaction.
     */
    Optional<Work> claim(String worker, Instant now) {
        List<Found> found = db.sql("""
                select sh.simulation_id, sh.shard from simulation_shards sh
                where (sh.state = 'QUEUED' or (sh.state = 'RUNNING' and sh.lease_expires_at < ? and sh.attempts < ?))
                  and sh.simulation_id in (select s.id from simulations s where s.state = 'RUNNING'
                                           and s.cancel_requested = false and s.lease_owner is null)
                order by (select s.started_at from simulations s where s.id = sh.simulation_id), sh.simulation_id, sh.shard
                limit 1
                for update skip locked""")
                .params(Timestamps.of(now), properties.workers().maxAttempts())
                .query((rs, n) -> new Found(Timestamps.uuid(rs, "simulation_id"), rs.getInt("shard")))
                .list();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        return take(found.getFirst().simulation(), found.getFirst().shard(), worker, now);
    }

    private record Found(UUID simulation, int shard) {
    }

    /** Splits a simulation this worker just claimed into {@code count} shards and takes the first. */
    Optional<Work> split(SimulationRecord sim, int count, String worker, Instant now) {
        db.sql("update simulations set lease_owner = null, lease_expires_at = ?, phase = 'simulating' where id = ?")
                .params(Timestamps.of(NO_EXPIRY), sim.id()).update();
        long base = sim.iterations() / count;
        long extra = sim.iterations() % count;
        long first = 0;
        for (int i = 0; i < count; i++) {
            long size = base + (i < extra ? 1 : 0);
            db.sql("""
                    insert into simulation_shards (simulation_id, shard, first_iteration, iterations, state)
                    values (?, ?, ?, ?, 'QUEUED')""").params(sim.id(), i, first, size).update();
            first += size;
        }
        return take(sim.id(), 0, worker, now);
    }

    private Optional<Work> take(UUID simulation, int shard, String worker, Instant now) {
        db.sql("""
                update simulation_shards set state = 'RUNNING', lease_owner = ?, lease_expires_at = ?,
                       attempts = attempts + 1, iterations_done = 0, rate = null
                where simulation_id = ? and shard = ?""")
                .params(worker, Timestamps.of(now.plus(properties.workers().lease())), simulation, shard).update();
        SimulationRecord sim = db.sql("select * from simulations where id = ?").param(simulation)
                .query(simulations.mapper()).single();
        Work.Shard s = db.sql("""
                select shard, first_iteration, iterations, attempts from simulation_shards
                where simulation_id = ? and shard = ?""").params(simulation, shard)
                .query((rs, n) -> new Work.Shard(rs.getInt("shard"), rs.getLong("first_iteration"),
                        rs.getLong("iterations"), rs.getInt("attempts")))
                .single();
        return Optional.of(new Work(sim, s));
    }

    /** Renews a shard's lease, records its progress and the simulation's (the sum of its shards'). */
    public JobQueue.Heartbeat heartbeat(UUID simulation, int shard, String worker, Instant now, long done,
                                        Double rate) {
        int updated = db.sql("""
                update simulation_shards set lease_expires_at = ?, iterations_done = ?, rate = ?
                where simulation_id = ? and shard = ? and lease_owner = ? and state = 'RUNNING'""")
                .params(Timestamps.of(now.plus(properties.workers().lease())), done, rate, simulation, shard, worker)
                .update();
        if (updated == 0) {
            return new JobQueue.Heartbeat(false, true);
        }
        db.sql("""
                update simulations set
                    iterations_done = (select coalesce(sum(iterations_done), 0) from simulation_shards
                                       where simulation_id = ?),
                    rate = (select sum(rate) from simulation_shards where simulation_id = ? and state = 'RUNNING')
                where id = ? and state = 'RUNNING' and lease_owner is null""")
                .params(simulation, simulation, simulation).update();
        boolean cancel = db.sql("select cancel_requested from simulations where id = ?").param(simulation)
                .query(Boolean.class).optional().orElse(true);
        return new JobQueue.Heartbeat(true, cancel);
    }

    /** Marks a shard done with its samples; false when its lease was lost (another worker runs it now). */
    public boolean complete(UUID simulation, int shard, String worker, String samplesBlob) {
        return db.sql("""
                update simulation_shards set state = 'COMPLETED', samples_blob = ?, iterations_done = iterations,
                       rate = null, lease_owner = null, lease_expires_at = null
                where simulation_id = ? and shard = ? and lease_owner = ? and state = 'RUNNING'""")
                .params(samplesBlob, simulation, shard, worker).update() > 0;
    }

    /**
     * Makes {@code worker} the one that merges the shards, once every shard is completed: only one
     * worker wins, however many complete their shards at the same moment.
     */
    public boolean takeMerge(UUID simulation, String worker, Instant now) {
        return db.sql("""
                update simulations set lease_owner = ?, lease_expires_at = ?, phase = 'merging', rate = null
                where id = ? and state = 'RUNNING' and lease_owner is null and cancel_requested = false
                  and not exists (select 1 from simulation_shards where simulation_id = ? and state <> 'COMPLETED')""")
                .params(worker, Timestamps.of(now.plus(properties.workers().lease())), simulation, simulation)
                .update() > 0;
    }

    /** Gives a shard back to the queue (this instance is shutting down). */
    public boolean release(UUID simulation, int shard, String worker) {
        return db.sql("""
                update simulation_shards set state = 'QUEUED', lease_owner = null, lease_expires_at = null,
                       iterations_done = 0, rate = null, attempts = attempts - 1
                where simulation_id = ? and shard = ? and lease_owner = ? and state = 'RUNNING'""")
                .params(simulation, shard, worker).update() > 0;
    }

    /** A simulation's shards in iteration order (none when it is not split). */
    public List<Row> of(UUID simulation) {
        return db.sql("""
                select shard, first_iteration, iterations, state, samples_blob from simulation_shards
                where simulation_id = ? order by shard""").param(simulation)
                .query((rs, n) -> new Row(rs.getInt("shard"), rs.getLong("first_iteration"), rs.getLong("iterations"),
                        rs.getString("state"), rs.getString("samples_blob")))
                .list();
    }

    /**
     * Ends a split simulation while its shards run (a shard failed, or the user cancelled):
     * {@code state} is FAILED or CANCELLED. Other shards' workers lose their leases and stop.
     * Returns the blobs of completed shards to delete, or nothing when the simulation had ended already.
     */
    public Optional<List<String>> end(UUID simulation, String state, String error, Instant now) {
        int updated = db.sql("""
                update simulations set state = ?, finished_at = ?, error = ?, phase = null, lease_owner = null,
                       lease_expires_at = null
                where id = ? and state = 'RUNNING' and lease_owner is null""")
                .params(state, Timestamps.of(now), error, simulation).update();
        return updated == 0 ? Optional.empty() : Optional.of(clear(simulation));
    }

    /** Deletes a simulation's shard rows; returns their sample blobs for the caller to delete. */
    public List<String> clear(UUID simulation) {
        List<String> blobs = new ArrayList<>(db.sql("""
                select samples_blob from simulation_shards where simulation_id = ? and samples_blob is not null""")
                .param(simulation).query(String.class).list());
        db.sql("delete from simulation_shards where simulation_id = ?").param(simulation).update();
        return blobs;
    }

    /**
     * Ends the split simulations that cannot go on: cancelled ones whose shards no live worker
     * runs, and those with a shard that used every attempt. Returns their shard blobs to delete.
     */
    public List<String> reap(Instant now) {
        List<String> blobs = new ArrayList<>();
        List<UUID> cancelled = db.sql("""
                select s.id from simulations s
                where s.state = 'RUNNING' and s.lease_owner is null and s.cancel_requested = true
                  and not exists (select 1 from simulation_shards sh where sh.simulation_id = s.id
                                  and sh.state = 'RUNNING' and sh.lease_expires_at >= ?)""")
                .param(Timestamps.of(now)).query(UUID.class).list();
        for (UUID id : cancelled) {
            end(id, "CANCELLED", null, now).ifPresent(blobs::addAll);
        }
        List<UUID> exhausted = db.sql("""
                select distinct sh.simulation_id from simulation_shards sh
                where sh.state = 'RUNNING' and sh.lease_expires_at < ? and sh.attempts >= ?""")
                .params(Timestamps.of(now), properties.workers().maxAttempts()).query(UUID.class).list();
        for (UUID id : exhausted) {
            end(id, "FAILED", "a shard of the run stopped its worker " + properties.workers().maxAttempts()
                    + " times (out of memory or a crash); try fewer iterations or outputs", now)
                    .ifPresent(blobs::addAll);
        }
        return blobs;
    }
}
