package io.carlo.server.billing;

import io.carlo.server.storage.Timestamps;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** What an organization uses, counted in the database (shared by every instance): nothing is cached. */
@Repository
public class UsageRecords {

    private final JdbcClient db;

    public UsageRecords(JdbcClient db) {
        this.db = db;
    }

    public Optional<Plan> plan(UUID organization) {
        return db.sql("select plan from organizations where id = ?").param(organization).query(String.class)
                .optional().map(Plan::valueOf);
    }

    /**
     * The plan, with the organization's row locked until the transaction ends: checks that count
     * and then add (a run, a member) are serialized per organization across instances.
     */
    public Optional<Plan> lockPlan(UUID organization) {
        return db.sql("select plan from organizations where id = ? for update").param(organization)
                .query(String.class).optional().map(Plan::valueOf);
    }

    /** False when there is no such organization. */
    public boolean setPlan(UUID organization, Plan plan) {
        return db.sql("update organizations set plan = ? where id = ?").params(plan.name(), organization).update() > 0;
    }

    public long runsStarted(UUID organization, YearMonth period) {
        return db.sql("select runs from usage_months where organization_id = ? and period = ?")
                .params(organization, period.toString()).query(Long.class).optional().orElse(0L);
    }

    /** Counts one more run this month; the caller holds the organization's lock ({@link #lockPlan}). */
    public void countRun(UUID organization, YearMonth period) {
        int updated = db.sql("update usage_months set runs = runs + 1 where organization_id = ? and period = ?")
                .params(organization, period.toString()).update();
        if (updated == 0) {
            db.sql("insert into usage_months (organization_id, period, runs) values (?, ?, 1)")
                    .params(organization, period.toString()).update();
        }
    }

    /** Bytes of the organization's workbook files and stored result samples. */
    public long storageBytes(UUID organization) {
        long workbooks = db.sql("select coalesce(sum(size_bytes), 0) from workbooks where organization_id = ?")
                .param(organization).query(Long.class).single();
        long results = db.sql("""
                select coalesce(sum(r.samples_bytes), 0) from simulation_results r
                join simulations s on s.id = r.simulation_id where s.organization_id = ?""")
                .param(organization).query(Long.class).single();
        return workbooks + results;
    }

    public long members(UUID organization) {
        return db.sql("select count(*) from memberships where organization_id = ?").param(organization)
                .query(Long.class).single();
    }

    /** Invitations neither accepted nor expired: each may become a member. */
    public long openInvitations(UUID organization, Instant now) {
        return db.sql("""
                select count(*) from invitations
                where organization_id = ? and accepted_at is null and expires_at > ?""")
                .params(organization, Timestamps.of(now)).query(Long.class).single();
    }

    /** Simulations running now (a live lease), as the queue counts them. */
    public long running(UUID organization, Instant now) {
        return db.sql("""
                select count(*) from simulations
                where organization_id = ? and state = 'RUNNING' and lease_expires_at >= ?""")
                .params(organization, Timestamps.of(now)).query(Long.class).single();
    }
}
