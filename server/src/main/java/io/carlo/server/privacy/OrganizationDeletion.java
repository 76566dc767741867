package io.carlo.server.privacy;

import io.carlo.server.api.ApiException;
import io.carlo.server.audit.AuditActor;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.security.Actor;
import io.carlo.server.storage.BlobStore;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.tenancy.Organization;
import io.carlo.server.tenancy.Organizations;
import io.carlo.server.tenancy.Role;
import io.carlo.server.tenancy.TenancyService;
import io.carlo.server.workbooks.WorkbookCache;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Deletes an organization and everything it holds (GDPR right to erasure): one transaction removes
 * the organization's row, which the schema's foreign keys cascade to its memberships, invitations,
 * API keys, workbooks, simulations with their shards and results, single sign-on configuration,
 * domains and sign-ins in progress (sessions that acted in it fall back to another organization);
 * the same transaction removes its audit log (the one sanctioned removal of audit entries) and the
 * rate-limit buckets of its keys. Then every file of it goes from the blob store: all its blob ids
 * start with {@code workbooks/<id>/}, {@code results/<id>/} or {@code shards/<id>/}.
 *
 * <p>The deletion itself is recorded in the log of no organization, without the organization's id:
 * who deleted how much, so that nothing of the organization remains.
 */
@Component
public class OrganizationDeletion {

    /** The blob folders of an organization: see WorkbookRecord.blobId and ResultStore. */
    static final List<String> BLOB_FOLDERS = List.of("workbooks/", "results/", "shards/");

    private final TenancyService tenancy;
    private final Organizations organizations;
    private final AuditLog audit;
    private final BlobStore blobs;
    private final WorkbookCache cache;
    private final JdbcClient db;

    public OrganizationDeletion(TenancyService tenancy, Organizations organizations, AuditLog audit, BlobStore blobs,
                                WorkbookCache cache, JdbcClient db) {
        this.tenancy = tenancy;
        this.organizations = organizations;
        this.audit = audit;
        this.blobs = blobs;
        this.cache = cache;
        this.db = db;
    }

    /** An owner deletes the organization, confirming with its exact name. */
    public void delete(Actor actor, UUID organization, String confirmation) {
        tenancy.requireRole(actor, organization, Role.OWNER, "delete the organization");
        if (actor.isApiKey()) {
            throw ApiException.forbidden("an API key cannot delete its organization; an owner signs in to do it");
        }
        Organization org = organizations.find(organization).orElseThrow(() -> ApiException.notFound("organization"));
        if (confirmation == null || !confirmation.strip().equals(org.name())) {
            throw ApiException.badRequest("to delete the organization and all its data for good, send "
                    + "{\"confirm\": \"<the organization's exact name>\"}");
        }
        erase(organization, AuditActor.of(actor));
    }

    /** Refuses while the organization's simulations are queued or running (see {@link #erase}). */
    void requireIdle(UUID organization) {
        long running = db.sql("select count(*) from simulations where organization_id = ? and state in ('QUEUED', 'RUNNING')")
                .param(organization).query(Long.class).single();
        if (running > 0) {
            throw ApiException.conflict("the organization has " + running + " queued or running simulation"
                    + (running == 1 ? "" : "s") + ": cancel them (POST /api/v1/simulations/{id}/cancel) and wait for "
                    + "them to stop, then delete the organization");
        }
    }

    /**
     * Removes every row and file of the organization. Refused while its simulations run: a worker
     * finishing one would write its results after the files were removed.
     */
    void erase(UUID organization, AuditActor by) {
        requireIdle(organization);
        List<UUID> workbooks = db.sql("select id from workbooks where organization_id = ?").param(organization)
                .query((rs, n) -> Timestamps.uuid(rs, "id")).list();
        long members = db.sql("select count(*) from memberships where organization_id = ?").param(organization)
                .query(Long.class).single();
        audit.inTransaction(() -> {
            for (UUID key : db.sql("select id from api_keys where organization_id = ?").param(organization)
                    .query((rs, n) -> Timestamps.uuid(rs, "id")).list()) {
                db.sql("delete from rate_limit_buckets where id like ?").param("%:" + key).update();
            }
            db.sql("delete from organizations where id = ?").param(organization).update();
            audit.eraseOrganization(organization);
            audit.record(AuditEvent.of(by, "organization.delete", "organization", null)
                    .with("members", members).with("workbooks", workbooks.size()));
        });
        workbooks.forEach(cache::evict);
        try {
            for (String folder : BLOB_FOLDERS) {
                blobs.deleteAll(folder + organization + "/");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("the organization's rows are deleted but some of its files are not", e);
        }
    }
}
