package io.carlo.server.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A person who signs in. The password hash never leaves {@link Users}. */
public record UserAccount(UUID id, String email, String displayName, Instant createdAt) {
}
