package io.carlo.server.simulations;

import io.carlo.server.CarloProperties;
import io.carlo.server.billing.Plan;
import io.carlo.server.billing.PlanProperties;
import io.carlo.server.billing.Quotas;
import io.carlo.server.storage.Timestamps;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The queue of simulations, in the simulations table itself, shared by every instance.
 *
 * <ul>
 *   <li><b>Claim:</b> a worker takes a queued simulation, or a running one whose lease expired
 *   (its worker died), with {@code FOR UPDATE SKIP LOCKED} so that two workers never take the same
 *   row and never wait for each other.</li>
 *   <li><b>Fairness:</b> candidates are ordered by how many simulations their organization is
 *   running, then by how long ago the organization last started one, then by age: one
 *   organization's hundred queued runs do not hold back another's single run.</li>
 *   <li><b>Limit:</b> an organization runs at most {@code maxConcurrentPerOrganization} simulations
 *   across all instances, and at most its plan's concurrent runs ({@code carlo.plans.*.concurrent-runs});
 *   its other runs wait in the queue. The organization's row (with its plan) is locked while it is
 *   counted, so two instances cannot both take the last place.</li>
 *   <li><b>Lease:</b> the holder renews it with every heartbeat; every write of the holder names
 *   itself, so a worker that lost its lease (paused too long) can no longer change the row.</li>
 * </ul>
 */
@Component
public class JobQueue {

    private static final int CANDIDATES = 8;

    /** What a heartbeat learned: whether the lease is still ours, and whether a user asked to stop. */
    public record Heartbeat(boolean owned, boolean cancelRequested) {
    }

    private final JdbcClient db;
    private final Simulations simulations;
    private final TransactionTemplate tx;
    private final CarloProperties properties;
    private final Clock clock;
    private final Shards shards;
    private final PlanProperties plans;

    public JobQueue(JdbcClient db, Simulations simulations, TransactionTemplate tx, CarloProperties properties,
                    Clock clock, Shards shards, PlanProperties plans) {
        this.plans = plans;
        this.db = db;
        this.simulations = simulations;
        this.tx = tx;
        this.properties = properties;
        this.clock = clock;
        this.shards = shards;
    }

    /**
     * Takes the next piece of work for {@code worker}: a shard of a split simulation that is
     * already running (started work finishes first), else the next simulation, split into shards
     * on the spot when it is large ({@code carlo.simulations.shard-iterations}).
     */
    public Optional<Work> claimWork(String worker) {
        return tx.execute(status -> {
            Instant now = clock.instant();
            Optional<Work> shard = shards.claim(worker, now);
            if (shard.isPresent()) {
                return shard;
            }
            Optional<SimulationRecord> claimed = claim(worker, now);
            if (claimed.isEmpty()) {
                return Optional.empty();
            }
            SimulationRecord sim = claimed.get();
            int count = properties.simulations().shardsFor(sim.iterations(), sim.spec().autoStop() != null);
            // a split simulation claimed again is one whose merging worker died: it merges, it does not split
            if (count == 1 || !shards.of(sim.id()).isEmpty()) {
                return Optional.of(new Work(sim, null));
            }
            return shards.split(sim, count, worker, now);
        });
    }

    /** Takes the next whole simulation for {@code worker}, or nothing when none may run now. */
    public Optional<SimulationRecord> claim(String worker) {
        return tx.execute(status -> claim(worker, clock.instant()));
    }

    private Optional<SimulationRecord> claim(String worker, Instant now) {
        {
            List<Candidate> candidates = db.sql("""
                    select s.id, s.organization_id from simulations s
                    where (s.state = 'QUEUED' or (s.state = 'RUNNING' and s.lease_expires_at < ? and s.attempts < ?))
                      and s.cancel_requested = false
                    order by (select count(*) from simulations r
                              where r.organization_id = s.organization_id and r.state = 'RUNNING'
                                and r.lease_expires_at >= ?),
                             (select max(q.started_at) from simulations q where q.organization_id = s.organization_id)
                               nulls first,
                             s.created_at, s.id
                    limit ?
                    for update skip locked""")
                    .params(Timestamps.of(now), properties.workers().maxAttempts(), Timestamps.of(now), CANDIDATES)
                    .query((rs, n) -> new Candidate(Timestamps.uuid(rs, "id"), Timestamps.uuid(rs, "organization_id")))
                    .list();
            for (Candidate c : candidates) {
                // the plan is read with the lock: a plan changed a moment ago applies to this claim
                Optional<Plan> plan = db.sql("select plan from organizations where id = ? for update")
                        .param(c.organization()).query(String.class).optional().map(Plan::valueOf);
                if (plan.isEmpty()) {
                    continue; // deleted meanwhile: its runs go with it
                }
                long running = db.sql("""
                        select count(*) from simulations
                        where organization_id = ? and state = 'RUNNING' and lease_expires_at >= ?""")
                        .params(c.organization(), Timestamps.of(now)).query(Long.class).single();
                if (running >= Quotas.concurrentRuns(plans, properties, plan.get())) {
                    continue; // over its limit the run waits in the queue; it is not refused
                }
                db.sql("""
                        update simulations set state = 'RUNNING', lease_owner = ?, lease_expires_at = ?,
                               started_at = ?, attempts = attempts + 1, iterations_done = 0, rate = null,
                               phase = 'starting'
                        where id = ?""")
                        .params(worker, Timestamps.of(now.plus(properties.workers().lease())), Timestamps.of(now), c.id())
                        .update();
                return db.sql("select * from simulations where id = ?").param(c.id()).query(simulations.mapper())
                        .optional();
            }
            return Optional.empty();
        }
    }

    private record Candidate(UUID id, UUID organization) {
    }

    /** Renews the lease and records progress; tells the worker whether to go on. */
    public Heartbeat heartbeat(UUID id, String worker, long iterationsDone, Double rate, String phase) {
        Instant now = clock.instant();
        int updated = db.sql("""
                update simulations set lease_expires_at = ?, iterations_done = ?, rate = ?, phase = ?
                where id = ? and lease_owner = ? and state = 'RUNNING'""")
                .params(Timestamps.of(now.plus(properties.workers().lease())), iterationsDone, rate, phase, id, worker)
                .update();
        if (updated == 0) {
            return new Heartbeat(false, true);
        }
        boolean cancel = db.sql("select cancel_requested from simulations where id = ?").param(id)
                .query(Boolean.class).optional().orElse(true);
        return new Heartbeat(true, cancel);
    }

    /**
     * Marks the simulation completed and stores its results row, in one transaction: a simulation
     * is never completed without results. False when the lease was lost (another worker owns the
     * run now, or the simulation was deleted): nothing is written then.
     */
    public boolean complete(UUID id, String worker, long iterations, Double rate, Runnable insertResults) {
        Boolean done = tx.execute(status -> {
            int updated = db.sql("""
                    update simulations set state = 'COMPLETED', finished_at = ?, iterations_done = ?, rate = ?,
                           phase = null, lease_owner = null, lease_expires_at = null
                    where id = ? and lease_owner = ? and state = 'RUNNING'""")
                    .params(Timestamps.of(clock.instant()), iterations, rate, id, worker).update();
            if (updated == 0) {
                return false;
            }
            insertResults.run();
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

    public boolean fail(UUID id, String worker, String error) {
        return finish(id, worker, "FAILED", error);
    }

    public boolean cancelled(UUID id, String worker) {
        return finish(id, worker, "CANCELLED", null);
    }

    private boolean finish(UUID id, String worker, String state, String error) {
        return db.sql("""
                update simulations set state = ?, finished_at = ?, error = ?, phase = null, lease_owner = null,
                       lease_expires_at = null
                where id = ? and lease_owner = ? and state = 'RUNNING'""")
                .params(state, Timestamps.of(clock.instant()), error, id, worker).update() > 0;
    }

    /** Gives a simulation back to the queue (this instance is shutting down): another takes it over at once. */
    public boolean release(UUID id, String worker) {
        return db.sql("""
                update simulations set state = 'QUEUED', lease_owner = null, lease_expires_at = null, phase = null,
                       iterations_done = 0, rate = null, attempts = attempts - 1
                where id = ? and lease_owner = ? and state = 'RUNNING'""").params(id, worker).update() > 0;
    }

    /**
     * Ends the runs whose worker died and that cannot be retried: those cancelled meanwhile, and
     * those that already used every attempt (a model that kills its worker must not loop forever).
     * Returns how many runs it ended.
     */
    public int reap() {
        Instant now = clock.instant();
        int cancelled = db.sql("""
                update simulations set state = 'CANCELLED', finished_at = ?, phase = null, lease_owner = null,
                       lease_expires_at = null
                where state = 'RUNNING' and lease_expires_at < ? and cancel_requested = true""")
                .params(Timestamps.of(now), Timestamps.of(now)).update();
        int failed = db.sql("""
                update simulations set state = 'FAILED', finished_at = ?, phase = null, lease_owner = null,
                       lease_expires_at = null, error = ?
                where state = 'RUNNING' and lease_expires_at < ? and attempts >= ?""")
                .params(Timestamps.of(now), "the run stopped its worker " + properties.workers().maxAttempts()
                                + " times (out of memory or a crash); try fewer iterations or outputs",
                        Timestamps.of(now), properties.workers().maxAttempts())
                .update();
        return cancelled + failed;
    }

    /** Simulations waiting in the queue, all organizations together. */
    public long depth() {
        return db.sql("select count(*) from simulations where state = 'QUEUED'").query(Long.class).single();
    }
}
