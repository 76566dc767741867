package io.carlo.server.tenancy;

/** One of a user's organizations, with the user's role there. */
public record OrganizationMembership(Organization organization, Role role) {
}
