package io.carlo.server.billing;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Plans and their limits, under {@code carlo.plans.} ({@code CARLO_PLANS_DEFAULTPLAN},
 * {@code carlo.plans.free.members=5}, ...). Each limit not set keeps its built-in value
 * ({@link #builtIn}); a negative one means unlimited.
 *
 * @param defaultPlan the plan of a new organization. Enterprise by default: a self-hosted server
 *                    limits no one until its operator chooses to
 * @param free        overrides of the Free plan's limits
 * @param team        overrides of the Team plan's limits
 * @param enterprise  overrides of the Enterprise plan's limits
 */
@ConfigurationProperties("carlo.plans")
public record PlanProperties(@DefaultValue("ENTERPRISE") Plan defaultPlan,
                             Limits free,
                             Limits team,
                             Limits enterprise) {

    /**
     * One plan's limits as set; null keeps the built-in value.
     *
     * @param iterationsPerRun the most iterations one simulation may ask for
     * @param runsPerMonth     simulations started per calendar month (UTC)
     * @param storage          workbooks and result samples kept, e.g. {@code 100MB}
     * @param concurrentRuns   simulations running at once (also bounded by
     *                         {@code carlo.simulations.max-concurrent-per-organization}); more wait in the queue
     * @param members          members, pending invitations included
     */
    public record Limits(Long iterationsPerRun, Long runsPerMonth, DataSize storage, Long concurrentRuns,
                         Long members) {
    }

    /** The limits of {@code plan}: the settings over the built-in values. */
    public PlanLimits limits(Plan plan) {
        PlanLimits base = builtIn(plan);
        Limits set = switch (plan) {
            case FREE -> free;
            case TEAM -> team;
            case ENTERPRISE -> enterprise;
        };
        if (set == null) {
            return base;
        }
        return new PlanLimits(or(set.iterationsPerRun(), base.iterationsPerRun()),
                or(set.runsPerMonth(), base.runsPerMonth()),
                set.storage() == null ? base.storageBytes() : set.storage().toBytes(),
                or(set.concurrentRuns(), base.concurrentRuns()),
                or(set.members(), base.members()));
    }

    /**
     * Free: enough to try Carlo on a real model. Team: a department's daily work. Enterprise: the
     * server's own bounds only ({@code carlo.simulations.max-iterations}).
     */
    public static PlanLimits builtIn(Plan plan) {
        long unlimited = PlanLimits.UNLIMITED;
        return switch (plan) {
            case FREE -> new PlanLimits(10_000, 100, DataSize.ofMegabytes(100).toBytes(), 1, 3);
            case TEAM -> new PlanLimits(1_000_000, 5_000, DataSize.ofGigabytes(10).toBytes(), 4, 50);
            case ENTERPRISE -> new PlanLimits(10_000_000, unlimited, unlimited, unlimited, unlimited);
        };
    }

    private static long or(Long set, long builtIn) {
        return set == null ? builtIn : set;
    }
}
