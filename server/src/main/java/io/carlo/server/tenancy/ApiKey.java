package io.carlo.server.tenancy;

import java.time.Instant;
import java.util.UUID;

/**
 * An API key as listed: never its secret, which only its creator saw, once.
 *
 * @param prefix the first characters of the key, to tell keys apart in a list
 */
public record ApiKey(UUID id, UUID organizationId, UUID userId, String name, String prefix, Role role,
                     Instant createdAt, Instant lastUsedAt, Instant revokedAt) {

    public boolean active() {
        return revokedAt == null;
    }
}
