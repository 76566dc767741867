package io.carlo.server.billing;

/**
 * A request the organization's plan does not allow. Answered 403 problem+json of type
 * {@code urn:carlo:problem:quota-exceeded} with the quota, its limit and the amount used
 * ({@code api.QuotaProblemHandler}).
 *
 * @see Quotas
 */
public class QuotaExceededException extends RuntimeException {

    private final Quota quota;
    private final Plan plan;
    private final long limit;
    private final long used;

    public QuotaExceededException(Quota quota, Plan plan, long limit, long used, String message) {
        super(message);
        this.quota = quota;
        this.plan = plan;
        this.limit = limit;
        this.used = used;
    }

    public Quota quota() {
        return quota;
    }

    public Plan plan() {
        return plan;
    }

    public long limit() {
        return limit;
    }

    /** What the organization has or asked for: the iterations requested, the runs this month, the bytes kept. */
    public long used() {
        return used;
    }
}
