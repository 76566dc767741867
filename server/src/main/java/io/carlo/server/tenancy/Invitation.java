package io.carlo.server.tenancy;

import java.time.Instant;
import java.util.UUID;

/** An invitation to join an organization, sent to an e-mail address. */
public record Invitation(UUID id, UUID organizationId, String email, Role role, UUID invitedBy, Instant createdAt,
                         Instant expiresAt, Instant acceptedAt) {

    public boolean open(Instant now) {
        return acceptedAt == null && now.isBefore(expiresAt);
    }
}
