package io.carlo.server.privacy;

import io.carlo.engine.report.SamplesCsv;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.security.Actor;
import io.carlo.server.simulations.ResultStore;
import io.carlo.server.simulations.SimulationView;
import io.carlo.server.simulations.Simulations;
import io.carlo.server.storage.BlobStore;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.tenancy.ApiKeys;
import io.carlo.server.tenancy.Invitations;
import io.carlo.server.tenancy.Organization;
import io.carlo.server.tenancy.Organizations;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.TenancyService;
import io.carlo.server.workbooks.WorkbookRecord;
import io.carlo.server.workbooks.Workbooks;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * All of an organization's data as a zip, for its owner (portability, or a copy before deletion):
 * the organization, members, invitations (without their token hashes), API keys (without their
 * hashes), the single sign-on settings (without the client secret), every workbook file with its
 * metadata, every simulation with its results' statistics and samples (CSV), and the audit log.
 */
@Component
public class OrganizationExport {

    public record MemberRow(UUID userId, String email, String name, String role, Instant joinedAt) {
    }

    public record InvitationRow(UUID id, String email, String role, UUID invitedBy, Instant createdAt,
                                Instant expiresAt, Instant acceptedAt) {
    }

    public record WorkbookMetadata(UUID id, String name, long sizeBytes, String sha256, UUID uploadedBy,
                                   Instant uploadedAt, String file) {
    }

    private final TenancyService tenancy;
    private final Organizations organizations;
    private final Invitations invitations;
    private final ApiKeys apiKeys;
    private final Workbooks workbooks;
    private final Simulations simulations;
    private final ResultStore results;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final JdbcClient db;

    public OrganizationExport(TenancyService tenancy, Organizations organizations, Invitations invitations,
                              ApiKeys apiKeys, Workbooks workbooks, Simulations simulations, ResultStore results,
                              BlobStore blobs, AuditLog audit, JdbcClient db) {
        this.tenancy = tenancy;
        this.organizations = organizations;
        this.invitations = invitations;
        this.apiKeys = apiKeys;
        this.workbooks = workbooks;
        this.simulations = simulations;
        this.results = results;
        this.blobs = blobs;
        this.audit = audit;
        this.db = db;
    }

    /** Checks the caller owns the organization and records the export; the zip is written later. */
    public Organization begin(Actor actor, UUID organization) {
        tenancy.requireRole(actor, organization, Role.OWNER, "export the organization's data");
        Organization org = organizations.find(organization).orElseThrow();
        audit.record(AuditEvent.of(actor, "organization.export", "organization", organization).in(organization));
        return org;
    }

    public void write(Organization org, OutputStream out) throws IOException {
        UUID id = org.id();
        try (ZipArchive zip = new ZipArchive(out)) {
            zip.json("organization.json", org);
            zip.json("members.json", organizations.members(id).stream().map(m -> new MemberRow(m.userId(), m.email(),
                    m.displayName(), m.role().label(), m.joinedAt())).toList());
            zip.json("invitations.json", invitations.ofOrganization(id).stream().map(i -> new InvitationRow(i.id(),
                    i.email(), i.role().label(), i.invitedBy(), i.createdAt(), i.expiresAt(), i.acceptedAt())).toList());
            zip.json("api-keys.json", apiKeys.list(id, null).stream().map(PersonalDataExport.KeyView::of).toList());
            zip.json("single-sign-on.json", db.sql("""
                            select issuer, client_id, default_role, jit_membership, require_sso, created_at, updated_at
                            from sso_configurations where organization_id = ?""").param(id)
                    .query((rs, n) -> java.util.Map.of("issuer", rs.getString("issuer"), "clientId",
                            rs.getString("client_id"), "defaultRole", rs.getString("default_role"), "jitMembership",
                            rs.getBoolean("jit_membership"), "requireSso", rs.getBoolean("require_sso"),
                            "domains", db.sql("select domain from sso_domains where organization_id = ? order by domain")
                                    .param(id).query(String.class).list()))
                    .list());

            List<WorkbookMetadata> books = new ArrayList<>();
            for (UUID w : ids("workbooks", id)) {
                WorkbookRecord r = workbooks.find(id, w).orElse(null);
                if (r == null) {
                    continue;
                }
                String file = zip.workbook(r, blobs);
                books.add(new WorkbookMetadata(r.id(), r.name(), r.sizeBytes(), r.sha256(), r.uploadedBy(),
                        r.createdAt(), file));
            }
            zip.json("workbooks.json", books);

            List<SimulationView> runs = new ArrayList<>();
            for (UUID s : ids("simulations", id)) {
                simulations.find(id, s).ifPresent(r -> runs.add(SimulationView.of(r)));
                results.summary(id, s).ifPresent(summary -> {
                    try {
                        zip.text("simulations/" + s + "/results.json", summary);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                var full = results.result(id, s);
                if (full.isPresent()) {
                    Writer w = new BufferedWriter(new OutputStreamWriter(zip.entry("simulations/" + s + "/samples.csv"),
                            StandardCharsets.UTF_8), 1 << 16);
                    SamplesCsv.write(full.get(), w);
                    w.flush();
                    zip.closeEntry();
                }
            }
            zip.json("simulations.json", runs);

            OutputStream log = zip.entry("audit-log.jsonl");
            JsonMapper json = JsonMapper.builder().build();
            audit.forEach(id, AuditLog.Filter.ALL, e -> {
                try {
                    log.write(json.writeValueAsBytes(e));
                    log.write('\n');
                } catch (IOException x) {
                    throw new UncheckedIOException(x);
                }
            });
            zip.closeEntry();
        }
    }

    private List<UUID> ids(String table, UUID organization) {
        return db.sql("select id from " + table + " where organization_id = ? order by created_at").param(organization)
                .query((rs, n) -> Timestamps.uuid(rs, "id")).list();
    }
}
