package io.carlo.server.billing;

/**
 * Each limit a plan sets. The tag names the quota in problem answers, the usage answer and the
 * {@code carlo_quota_rejections_total{quota=...}} metric.
 */
public enum Quota {
    ITERATIONS_PER_RUN("iterations_per_run"),
    RUNS_PER_MONTH("runs_per_month"),
    STORAGE("storage_bytes"),
    CONCURRENT_RUNS("concurrent_runs"),
    MEMBERS("members");

    private final String tag;

    Quota(String tag) {
        this.tag = tag;
    }

    public String tag() {
        return tag;
    }

    /** {@code 10,000 iterations per run}, {@code 100 MB of storage}: how a limit reads in a message. */
    public String describe(long amount) {
        return switch (this) {
            case ITERATIONS_PER_RUN -> count(amount) + " iterations per run";
            case RUNS_PER_MONTH -> count(amount) + " runs per month";
            case STORAGE -> bytes(amount) + " of storage (workbooks and results)";
            case CONCURRENT_RUNS -> count(amount) + (amount == 1 ? " run" : " runs") + " at a time";
            case MEMBERS -> count(amount) + (amount == 1 ? " member" : " members");
        };
    }

    static String count(long n) {
        return String.format(java.util.Locale.ROOT, "%,d", n);
    }

    /** Binary units, as {@code DataSize} reads them: 100MB is 100 MiB. */
    static String bytes(long n) {
        String[] units = {"bytes", "KB", "MB", "GB", "TB"};
        double value = n;
        int unit = 0;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        if (unit == 0) {
            return count(n) + " bytes";
        }
        return (value == Math.rint(value) ? String.format(java.util.Locale.ROOT, "%,.0f", value)
                : String.format(java.util.Locale.ROOT, "%,.1f", value)) + " " + units[unit];
    }
}
