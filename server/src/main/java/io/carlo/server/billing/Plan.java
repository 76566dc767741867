package io.carlo.server.billing;

import io.carlo.server.api.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What an organization pays for; each plan has its {@link PlanLimits} ({@code carlo.plans.*}). */
public enum Plan {
    FREE("Free"),
    TEAM("Team"),
    ENTERPRISE("Enterprise");

    private final String label;

    Plan(String label) {
        this.label = label;
    }

    /** The name people read: "Free". */
    public String label() {
        return label;
    }

    /** Reads {@code free}, {@code TEAM}, ...; anything else is a 400 that lists the plans. */
    public static Plan parse(String text) {
        if (text != null) {
            for (Plan p : values()) {
                if (p.name().equalsIgnoreCase(text.trim())) {
                    return p;
                }
            }
        }
        throw ApiException.badRequest("unknown plan '" + text + "': use one of "
                + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(", ")));
    }
}
