package io.carlo.server.api;

import io.carlo.server.billing.Plan;
import io.carlo.server.billing.Quotas;
import io.carlo.server.billing.Usage;
import io.carlo.server.security.Actor;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.TenancyService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * An organization's plan and usage, for its admins; and the operator's route that changes a plan
 * (guarded by the operator token, {@code operations.OperatorAccess}, not by a user's rights).
 */
@RestController
@Tag(name = "Plans and usage", description = "an organization's plan, its limits and what it uses")
public class UsageController {

    /**
     * @param plan      FREE, TEAM or ENTERPRISE
     * @param planName  the plan as people read it
     * @param period    the calendar month (UTC) that runsPerMonth counts, {@code 2026-12}
     * @param quotas    one line per limit
     */
    public record UsageView(UUID organizationId, String plan, String planName, String period, List<QuotaView> quotas) {
        static UsageView of(Usage u) {
            return new UsageView(u.organizationId(), u.plan().name(), u.plan().label(), u.period().toString(),
                    u.quotas().stream().map(QuotaView::of).toList());
        }
    }

    /**
     * @param quota     iterations_per_run, runs_per_month, storage_bytes, concurrent_runs or members
     * @param used      what the organization uses now (absent for iterations_per_run: a limit per request)
     * @param limit     the plan's limit (absent when unlimited)
     * @param unlimited true when the plan sets no limit
     */
    public record QuotaView(String quota, Long used, Long limit, boolean unlimited) {
        static QuotaView of(Usage.Line line) {
            return new QuotaView(line.quota().tag(), line.used(), line.unlimited() ? null : line.limit(),
                    line.unlimited());
        }
    }

    public record PlanChange(String plan) {
    }

    private final Quotas quotas;
    private final TenancyService tenancy;

    public UsageController(Quotas quotas, TenancyService tenancy) {
        this.quotas = quotas;
        this.tenancy = tenancy;
    }

    @Operation(summary = "The organization's plan, its limits and its usage (admins and owners)")
    @GetMapping("/api/v1/organizations/{id}/usage")
    public UsageView usage(Actor actor, @PathVariable UUID id) {
        Role role = roleIn(actor, id).orElseThrow(() -> ApiException.notFound("organization"));
        if (!role.atLeast(Role.ADMIN)) {
            throw ApiException.forbidden("your role (" + role.label() + ") cannot see the organization's usage; it "
                    + "needs admin or above");
        }
        return UsageView.of(quotas.usage(id));
    }

    @Operation(summary = "Move an organization to another plan (operator token only)")
    @PutMapping("/api/v1/operator/organizations/{id}/plan")
    public UsageView changePlan(@PathVariable UUID id, @RequestBody PlanChange body) {
        if (body == null || body.plan() == null) {
            throw ApiException.badRequest("send {\"plan\": \"free\" | \"team\" | \"enterprise\"}");
        }
        return UsageView.of(quotas.changePlan(id, Plan.parse(body.plan().toUpperCase(Locale.ROOT))));
    }

    /**
     * The caller's role in organization {@code id}: an API key's only in its own organization, a
     * signed-in user's in any organization they belong to. None: the organization answers 404,
     * like one that does not exist.
     */
    private Optional<Role> roleIn(Actor actor, UUID id) {
        if (id.equals(actor.organizationId())) {
            return Optional.of(actor.role());
        }
        if (actor.isApiKey()) {
            return Optional.empty();
        }
        return tenancy.roleIn(id, actor.userId());
    }
}
