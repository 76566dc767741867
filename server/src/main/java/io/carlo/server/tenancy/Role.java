package io.carlo.server.tenancy;

import io.carlo.server.api.ApiException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * A member's role in an organization, weakest first: each role can do everything the roles before
 * it can.
 */
public enum Role {
    /** Reads workbooks, simulations and results. */
    VIEWER,
    /** Also uploads workbooks and runs simulations. */
    ANALYST,
    /** Also manages members, invitations and the organization's API keys. */
    ADMIN,
    /** Also grants ownership and deletes the organization. */
    OWNER;

    public boolean atLeast(Role other) {
        return compareTo(other) >= 0;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String text) {
        if (text != null) {
            for (Role r : values()) {
                if (r.label().equalsIgnoreCase(text.trim())) {
                    return r;
                }
            }
        }
        throw ApiException.badRequest("unknown role '" + text + "': use one of "
                + Arrays.stream(values()).map(Role::label).collect(Collectors.joining(", ")));
    }
}
