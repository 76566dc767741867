package io.carlo.server.security;

import io.carlo.server.api.ApiException;
import io.carlo.server.tenancy.Role;
import java.util.UUID;

/**
 * Who makes a request and in which organization: a signed-in user (browser session) or an API
 * key. Every request acts in exactly one organization with one role.
 *
 * @param userId         the user, or for an API key the user who created it
 * @param organizationId the organization the request acts in (null for a signed-in user who belongs
 *                       to none)
 * @param role           the role there (for an API key: the key's role)
 * @param apiKeyId       the API key, or null for a browser session
 * @param sessionHash    the session, or null for an API key
 */
public record Actor(UUID userId, String email, UUID organizationId, Role role, UUID apiKeyId, String sessionHash) {

    /** The organization the request acts in; a user without one is told how to get one. */
    public UUID organization() {
        if (organizationId == null) {
            throw ApiException.forbidden("you are not a member of any organization: create one "
                    + "(POST /api/v1/organizations) or accept an invitation");
        }
        return organizationId;
    }

    /** Refuses the request unless the role is at least {@code needed}; says what to do. */
    public void require(Role needed, String action) {
        organization();
        if (!role.atLeast(needed)) {
            throw ApiException.forbidden("your role (" + role.label() + ") cannot " + action + "; it needs "
                    + needed.label() + " or above");
        }
    }

    public boolean isApiKey() {
        return apiKeyId != null;
    }
}
