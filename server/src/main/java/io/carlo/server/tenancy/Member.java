package io.carlo.server.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A user's membership of an organization. */
public record Member(UUID userId, String email, String displayName, Role role, Instant joinedAt) {
}
