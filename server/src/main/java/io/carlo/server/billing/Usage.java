package io.carlo.server.billing;

import java.time.YearMonth;
import java.util.List;
import java.util.UUID;

/**
 * An organization's plan and how much of each quota it uses.
 *
 * @param period the calendar month (UTC) that runs per month counts
 * @param quotas one line per {@link Quota}, in its order
 */
public record Usage(UUID organizationId, Plan plan, YearMonth period, List<Line> quotas) {

    /**
     * @param used  what the organization uses now; null where nothing accumulates (iterations per run)
     * @param limit the plan's limit, or {@link PlanLimits#UNLIMITED}
     */
    public record Line(Quota quota, Long used, long limit) {

        public boolean unlimited() {
            return limit == PlanLimits.UNLIMITED;
        }
    }

    public Line line(Quota quota) {
        return quotas.stream().filter(l -> l.quota() == quota).findFirst().orElseThrow();
    }
}
