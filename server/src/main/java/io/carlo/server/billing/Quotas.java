package io.carlo.server.billing;

import io.carlo.server.CarloProperties;
import io.carlo.server.api.ApiException;
import io.carlo.server.audit.AuditActor;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The plan limits, enforced where the work is done (the services), so that the API, the web UI and
 * API keys all meet the same checks. A refusal is a {@link QuotaExceededException} that names the
 * limit and what to do, and counts in {@code carlo_quota_rejections_total{quota}}. Concurrent runs
 * are not refused: the queue holds them ({@code simulations.JobQueue}).
 *
 * <p>Checks that count and then add (a run, a member) lock the organization's row first, so that
 * two requests, on one instance or two, cannot both take the last place.
 */
@Service
public class Quotas {

    private final UsageRecords usage;
    private final PlanProperties plans;
    private final CarloProperties properties;
    private final TransactionTemplate tx;
    private final Clock clock;
    private final Map<Quota, Counter> rejections = new EnumMap<>(Quota.class);
    private final AuditLog audit;

    public Quotas(UsageRecords usage, PlanProperties plans, CarloProperties properties, TransactionTemplate tx,
                  Clock clock, MeterRegistry registry, AuditLog audit) {
        this.usage = usage;
        this.audit = audit;
        this.plans = plans;
        this.properties = properties;
        this.tx = tx;
        this.clock = clock;
        // registered now, at zero, so that dashboards and alerts find the series before the first refusal
        for (Quota quota : Quota.values()) {
            rejections.put(quota, Counter.builder("carlo.quota.rejections").tag("quota", quota.tag())
                    .description("Requests refused because the organization's plan does not allow them")
                    .register(registry));
        }
    }

    public PlanLimits limits(Plan plan) {
        return plans.limits(plan);
    }

    /** The plan new organizations get ({@code carlo.plans.default-plan}). */
    public Plan defaultPlan() {
        return plans.defaultPlan();
    }

    /**
     * How many of the organization's simulations may run at once: its plan's limit within the
     * server's own ({@code carlo.simulations.max-concurrent-per-organization}).
     */
    public long concurrentRuns(Plan plan) {
        return concurrentRuns(plans, properties, plan);
    }

    /** {@link #concurrentRuns(Plan)} for the queue, which binds its own settings in tests. */
    public static long concurrentRuns(PlanProperties plans, CarloProperties properties, Plan plan) {
        long server = properties.simulations().maxConcurrentPerOrganization();
        PlanLimits limits = plans.limits(plan);
        return limits.unlimited(Quota.CONCURRENT_RUNS) ? server : Math.min(server, limits.concurrentRuns());
    }

    /** Refuses a simulation of more iterations than the plan allows. */
    public void checkIterations(UUID organization, long iterations) {
        Plan plan = plan(organization);
        long limit = plans.limits(plan).iterationsPerRun();
        if (limit != PlanLimits.UNLIMITED && iterations > limit) {
            throw refuse(Quota.ITERATIONS_PER_RUN, plan, limit, iterations,
                    "ask for at most " + Quota.count(limit) + " or upgrade.");
        }
    }

    /**
     * Starts a run whose iterations were checked ({@link #checkIterations}): checks this month's
     * runs and the storage (its results need room), counts it and calls {@code insert}, all in one
     * transaction under the organization's lock. A run refused, or one whose insert fails, counts
     * nothing.
     */
    public void startRun(UUID organization, Runnable insert) {
        tx.executeWithoutResult(status -> {
            Plan plan = lockedPlan(organization);
            PlanLimits limits = plans.limits(plan);
            YearMonth period = period(clock.instant());
            long runs = usage.runsStarted(organization, period);
            if (!limits.unlimited(Quota.RUNS_PER_MONTH) && runs >= limits.runsPerMonth()) {
                throw refuse(Quota.RUNS_PER_MONTH, plan, limits.runsPerMonth(), runs,
                        Quota.count(runs) + " were started in " + period + "; wait for next month or upgrade.");
            }
            if (!limits.unlimited(Quota.STORAGE)) {
                long stored = usage.storageBytes(organization);
                if (stored >= limits.storageBytes()) {
                    throw refuse(Quota.STORAGE, plan, limits.storageBytes(), stored, Quota.bytes(stored)
                            + " are in use, and a run's results need room; delete workbooks or simulations, or upgrade.");
                }
            }
            usage.countRun(organization, period);
            insert.run();
        });
    }

    /** Refuses a workbook of {@code bytes} that would take the organization over its storage. */
    public void checkWorkbook(UUID organization, long bytes) {
        Plan plan = plan(organization);
        long limit = plans.limits(plan).storageBytes();
        if (limit == PlanLimits.UNLIMITED) {
            return;
        }
        long stored = usage.storageBytes(organization);
        if (stored + bytes > limit) {
            throw refuse(Quota.STORAGE, plan, limit, stored, Quota.bytes(stored) + " are in use and this workbook has "
                    + Quota.bytes(bytes) + "; delete workbooks or simulations, or upgrade.");
        }
    }

    /**
     * Refuses an invitation that could take the organization over its members: members and
     * invitations still open count together, since each open one may be accepted. Call it in the
     * transaction that stores the invitation.
     */
    public void checkInvitation(UUID organization) {
        Plan plan = lockedPlan(organization);
        long limit = plans.limits(plan).members();
        if (limit == PlanLimits.UNLIMITED) {
            return;
        }
        long members = usage.members(organization);
        long open = usage.openInvitations(organization, clock.instant());
        if (members + open >= limit) {
            throw refuse(Quota.MEMBERS, plan, limit, members + open, "it has " + Quota.count(members)
                    + (members == 1 ? " member" : " members") + " and " + Quota.count(open) + " open "
                    + (open == 1 ? "invitation" : "invitations")
                    + "; remove a member or withdraw an invitation, or upgrade.");
        }
    }

    /**
     * Refuses a new member (an accepted invitation, a single sign-on account joining just in time)
     * when the organization is full. Call it in the transaction that adds the member.
     */
    public void checkMembers(UUID organization) {
        Plan plan = lockedPlan(organization);
        long limit = plans.limits(plan).members();
        if (limit == PlanLimits.UNLIMITED) {
            return;
        }
        long members = usage.members(organization);
        if (members >= limit) {
            throw refuse(Quota.MEMBERS, plan, limit, members, "it has " + Quota.count(members)
                    + "; an admin must remove a member first, or upgrade.");
        }
    }

    /** The organization's plan and what it uses of each quota. */
    public Usage usage(UUID organization) {
        Plan plan = plan(organization);
        PlanLimits limits = plans.limits(plan);
        Instant now = clock.instant();
        YearMonth period = period(now);
        List<Usage.Line> lines = new ArrayList<>();
        for (Quota quota : Quota.values()) {
            Long used = switch (quota) {
                case ITERATIONS_PER_RUN -> null;
                case RUNS_PER_MONTH -> usage.runsStarted(organization, period);
                case STORAGE -> usage.storageBytes(organization);
                case CONCURRENT_RUNS -> usage.running(organization, now);
                case MEMBERS -> usage.members(organization);
            };
            long limit = quota == Quota.CONCURRENT_RUNS ? concurrentRuns(plan) : limits.of(quota);
            lines.add(new Usage.Line(quota, used, limit));
        }
        return new Usage(organization, plan, period, List.copyOf(lines));
    }

    /** Moves an organization to another plan (the operator's call); its usage stays as it is. */
    public Usage changePlan(UUID organization, Plan plan) {
        Plan before = usage.plan(organization).orElse(null);
        if (before == null || !usage.setPlan(organization, plan)) {
            throw new ApiException(org.springframework.http.HttpStatus.NOT_FOUND, "Not found",
                    "no organization with this id");
        }
        // the operator acts outside the organization: its admins see the change in their own log
        audit.record(AuditEvent.of(AuditActor.SYSTEM, "organization.plan_change", "organization", organization)
                .in(organization).with("from", before.name().toLowerCase(java.util.Locale.ROOT))
                .with("to", plan.name().toLowerCase(java.util.Locale.ROOT)).with("by", "operator"));
        return usage(organization);
    }

    private Plan plan(UUID organization) {
        return usage.plan(organization).orElseThrow(() -> ApiException.notFound("organization"));
    }

    private Plan lockedPlan(UUID organization) {
        return usage.lockPlan(organization).orElseThrow(() -> ApiException.notFound("organization"));
    }

    static YearMonth period(Instant now) {
        return YearMonth.from(now.atOffset(ZoneOffset.UTC));
    }

    private QuotaExceededException refuse(Quota quota, Plan plan, long limit, long used, String advice) {
        rejections.get(quota).increment();
        return new QuotaExceededException(quota, plan, limit, used,
                "This organization's " + plan.label() + " plan allows " + quota.describe(limit) + "; " + advice);
    }
}
