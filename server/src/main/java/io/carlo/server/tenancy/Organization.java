package io.carlo.server.tenancy;

import java.time.Instant;
import java.util.UUID;

/** A team: it owns workbooks, simulations and results, and has members with roles. */
public record Organization(UUID id, String name, Instant createdAt) {
}
