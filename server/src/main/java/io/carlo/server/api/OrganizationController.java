package io.carlo.server.api;

import io.carlo.server.security.Actor;
import io.carlo.server.tenancy.ApiKey;
import io.carlo.server.tenancy.Invitation;
import io.carlo.server.tenancy.Member;
import io.carlo.server.tenancy.Organization;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.TenancyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Organizations, their members, invitations and API keys. Routes under {@code /api/v1/organization}
 * act on the organization of the request (the session's choice, the X-Carlo-Organization header, or
 * the API key's).
 */
@RestController
@Tag(name = "Organizations", description = "organizations, members, invitations and API keys")
public class OrganizationController {

    public record NewOrganization(String name) {
    }

    public record OrganizationView(UUID id, String name, Instant createdAt, String role) {
    }

    public record MemberView(UUID userId, String email, String name, String role, Instant joinedAt) {
        static MemberView of(Member m) {
            return new MemberView(m.userId(), m.email(), m.displayName(), m.role().label(), m.joinedAt());
        }
    }

    public record RoleChange(String role) {
    }

    public record NewInvitation(String email, String role) {
    }

    /**
     * @param token the secret of the invitation link; present only in the answer that creates it
     * @param link  the link to send to the invitee (no mail is sent by Carlo)
     */
    public record InvitationView(UUID id, String email, String role, Instant createdAt, Instant expiresAt,
                                 Instant acceptedAt, String token, String link) {
        static InvitationView of(Invitation i, String token, String link) {
            return new InvitationView(i.id(), i.email(), i.role().label(), i.createdAt(), i.expiresAt(), i.acceptedAt(),
                    token, link);
        }
    }

    public record NewApiKey(String name, String role) {
    }

    /** @param secret the key itself: present only in the answer that creates it, never again */
    public record ApiKeyView(UUID id, String name, String prefix, String role, UUID userId, Instant createdAt,
                             Instant lastUsedAt, Instant revokedAt, String secret) {
        static ApiKeyView of(ApiKey k, String secret) {
            return new ApiKeyView(k.id(), k.name(), k.prefix(), k.role().label(), k.userId(), k.createdAt(),
                    k.lastUsedAt(), k.revokedAt(), secret);
        }
    }

    private final TenancyService tenancy;

    public OrganizationController(TenancyService tenancy) {
        this.tenancy = tenancy;
    }

    @Operation(summary = "Create an organization; the caller becomes its owner")
    @PostMapping("/api/v1/organizations")
    @ResponseStatus(HttpStatus.CREATED)
    public OrganizationView create(Actor actor, @RequestBody NewOrganization body) {
        var m = tenancy.createOrganization(actor, body == null ? null : body.name());
        return new OrganizationView(m.organization().id(), m.organization().name(), m.organization().createdAt(),
                m.role().label());
    }

    @Operation(summary = "The organization this request acts in")
    @GetMapping("/api/v1/organization")
    public OrganizationView current(Actor actor) {
        return view(tenancy.organization(actor), actor);
    }

    @Operation(summary = "Rename the organization (admin)")
    @PatchMapping("/api/v1/organization")
    public OrganizationView rename(Actor actor, @RequestBody NewOrganization body) {
        return view(tenancy.rename(actor, body == null ? null : body.name()), actor);
    }

    @Operation(summary = "Members and their roles")
    @GetMapping("/api/v1/organization/members")
    public List<MemberView> members(Actor actor) {
        return tenancy.members(actor).stream().map(MemberView::of).toList();
    }

    @Operation(summary = "Change a member's role (admin; owners only for ownership)")
    @PatchMapping("/api/v1/organization/members/{userId}")
    public MemberView changeRole(Actor actor, @PathVariable UUID userId, @RequestBody RoleChange body) {
        return MemberView.of(tenancy.changeRole(actor, userId, Role.parse(body == null ? null : body.role())));
    }

    @Operation(summary = "Remove a member (admin), or leave the organization (yourself)")
    @DeleteMapping("/api/v1/organization/members/{userId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void removeMember(Actor actor, @PathVariable UUID userId) {
        tenancy.removeMember(actor, userId);
    }

    @Operation(summary = "Invite someone by e-mail address (admin); the answer carries the link to send them")
    @PostMapping("/api/v1/organization/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    public InvitationView invite(Actor actor, @RequestBody NewInvitation body) {
        if (body == null) {
            throw ApiException.badRequest("send {\"email\", \"role\"}");
        }
        var issued = tenancy.invite(actor, body.email(), body.role() == null ? Role.ANALYST : Role.parse(body.role()));
        String link = ServletUriComponentsBuilder.fromCurrentContextPath().path("/invitations/{token}")
                .buildAndExpand(issued.token()).toUriString();
        return InvitationView.of(issued.invitation(), issued.token(), link);
    }

    @Operation(summary = "Invitations sent (admin)")
    @GetMapping("/api/v1/organization/invitations")
    public List<InvitationView> invitations(Actor actor) {
        return tenancy.invitations(actor).stream().map(i -> InvitationView.of(i, null, null)).toList();
    }

    @Operation(summary = "Withdraw an invitation (admin)")
    @DeleteMapping("/api/v1/organization/invitations/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeInvitation(Actor actor, @PathVariable UUID id) {
        tenancy.revokeInvitation(actor, id);
    }

    @Operation(summary = "Accept an invitation addressed to the signed-in user")
    @PostMapping("/api/v1/invitations/{token}/accept")
    public OrganizationView accept(Actor actor, @PathVariable String token) {
        var m = tenancy.accept(actor, token);
        return new OrganizationView(m.organization().id(), m.organization().name(), m.organization().createdAt(),
                m.role().label());
    }

    @Operation(summary = "API keys: all of the organization's for admins, your own otherwise")
    @GetMapping("/api/v1/api-keys")
    public List<ApiKeyView> keys(Actor actor) {
        return tenancy.keys(actor).stream().map(k -> ApiKeyView.of(k, null)).toList();
    }

    @Operation(summary = "Create an API key (signed-in users); its secret is in this answer only")
    @PostMapping("/api/v1/api-keys")
    @ResponseStatus(HttpStatus.CREATED)
    public ApiKeyView createKey(Actor actor, @RequestBody(required = false) NewApiKey body) {
        Role role = body == null || body.role() == null ? null : Role.parse(body.role());
        var issued = tenancy.createKey(actor, body == null ? null : body.name(), role);
        return ApiKeyView.of(issued.key(), issued.secret());
    }

    @Operation(summary = "Revoke an API key (yours, or any as admin)")
    @DeleteMapping("/api/v1/api-keys/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    public void revokeKey(Actor actor, @PathVariable UUID id) {
        tenancy.revokeKey(actor, id);
    }

    private static OrganizationView view(Organization o, Actor actor) {
        return new OrganizationView(o.id(), o.name(), o.createdAt(), actor.role().label());
    }
}
