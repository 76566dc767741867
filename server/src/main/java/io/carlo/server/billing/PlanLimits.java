package io.carlo.server.billing;

/**
 * The limits of one plan. {@link #UNLIMITED} (any negative number in the settings) means no limit.
 *
 * @param iterationsPerRun the most iterations one simulation may ask for
 * @param runsPerMonth     simulations an organization may start per calendar month (UTC)
 * @param storageBytes     bytes of workbooks and result samples an organization may keep
 * @param concurrentRuns   simulations of the organization running at once; more wait in the queue
 * @param members          members of the organization, pending invitations included
 */
public record PlanLimits(long iterationsPerRun, long runsPerMonth, long storageBytes, long concurrentRuns,
                         long members) {

    public static final long UNLIMITED = -1;

    public PlanLimits {
        iterationsPerRun = normalized(iterationsPerRun);
        runsPerMonth = normalized(runsPerMonth);
        storageBytes = normalized(storageBytes);
        concurrentRuns = normalized(concurrentRuns);
        members = normalized(members);
    }

    /** The limit of {@code quota}, or {@link #UNLIMITED}. */
    public long of(Quota quota) {
        return switch (quota) {
            case ITERATIONS_PER_RUN -> iterationsPerRun;
            case RUNS_PER_MONTH -> runsPerMonth;
            case STORAGE -> storageBytes;
            case CONCURRENT_RUNS -> concurrentRuns;
            case MEMBERS -> members;
        };
    }

    public boolean unlimited(Quota quota) {
        return of(quota) == UNLIMITED;
    }

    private static long normalized(long limit) {
        return limit < 0 ? UNLIMITED : limit;
    }
}
