package io.carlo.server.privacy;

import io.carlo.server.api.ApiException;
import io.carlo.server.audit.AuditEvent;
import io.carlo.server.audit.AuditLog;
import io.carlo.server.security.Actor;
import io.carlo.server.simulations.ResultStore;
import io.carlo.server.simulations.SimulationView;
import io.carlo.server.simulations.Simulations;
import io.carlo.server.storage.BlobStore;
import io.carlo.server.storage.Timestamps;
import io.carlo.server.tenancy.ApiKey;
import io.carlo.server.tenancy.ApiKeys;
import io.carlo.server.tenancy.OrganizationMembership;
import io.carlo.server.tenancy.Organizations;
import io.carlo.server.tenancy.UserAccount;
import io.carlo.server.tenancy.Users;
import io.carlo.server.workbooks.WorkbookRecord;
import io.carlo.server.workbooks.Workbooks;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A person's own data, as a zip of JSON documents (GDPR right of access and portability): the
 * profile, memberships, API keys (never their secrets or hashes), what the audit log recorded of
 * them, the workbooks they uploaded (files and metadata) and the simulations they started (with
 * their results' statistics), in the organizations they are still a member of.
 */
@Component
public class PersonalDataExport {

    public record Profile(UUID id, String email, String name, Instant createdAt, boolean hasPassword) {
    }

    public record MembershipView(UUID organizationId, String organizationName, String role) {
    }

    public record KeyView(UUID id, UUID organizationId, String name, String prefix, String role, Instant createdAt,
                          Instant lastUsedAt, Instant revokedAt) {
        static KeyView of(ApiKey k) {
            return new KeyView(k.id(), k.organizationId(), k.name(), k.prefix(), k.role().label(), k.createdAt(),
                    k.lastUsedAt(), k.revokedAt());
        }
    }

    public record WorkbookMetadata(UUID id, UUID organizationId, String name, long sizeBytes, String sha256,
                                   Instant uploadedAt, String file) {
    }

    private final Users users;
    private final Organizations organizations;
    private final ApiKeys apiKeys;
    private final Workbooks workbooks;
    private final Simulations simulations;
    private final ResultStore results;
    private final BlobStore blobs;
    private final AuditLog audit;
    private final JdbcClient db;

    public PersonalDataExport(Users users, Organizations organizations, ApiKeys apiKeys, Workbooks workbooks,
                              Simulations simulations, ResultStore results, BlobStore blobs, AuditLog audit,
                              JdbcClient db) {
        this.users = users;
        this.organizations = organizations;
        this.apiKeys = apiKeys;
        this.workbooks = workbooks;
        this.simulations = simulations;
        this.results = results;
        this.blobs = blobs;
        this.audit = audit;
        this.db = db;
    }

    /** Checks the caller may export (a person, not a key) and records the export; the zip is written later. */
    public UserAccount begin(Actor actor) {
        if (actor.isApiKey()) {
            throw ApiException.forbidden("an API key cannot export its owner's personal data; sign in");
        }
        UserAccount user = users.find(actor.userId()).orElseThrow(() -> ApiException.unauthorized("the account no longer exists"));
        audit.record(AuditEvent.of(actor, "account.export", "user", user.id()));
        return user;
    }

    public void write(UserAccount user, OutputStream out) throws IOException {
        List<OrganizationMembership> memberships = organizations.ofUser(user.id());
        try (ZipArchive zip = new ZipArchive(out)) {
            zip.json("profile.json", new Profile(user.id(), user.email(), user.displayName(), user.createdAt(),
                    users.passwordHash(user.id()).isPresent()));
            zip.json("memberships.json", memberships.stream().map(m -> new MembershipView(m.organization().id(),
                    m.organization().name(), m.role().label())).toList());
            List<KeyView> keys = new ArrayList<>();
            for (OrganizationMembership m : memberships) {
                apiKeys.list(m.organization().id(), user.id()).forEach(k -> keys.add(KeyView.of(k)));
            }
            zip.json("api-keys.json", keys);
            zip.json("audit-log.json", audit.ofUser(user.id()));

            List<WorkbookMetadata> books = new ArrayList<>();
            for (Owned o : owned("workbooks", "uploaded_by", user.id())) {
                WorkbookRecord w = workbooks.find(o.organization(), o.id()).orElse(null);
                if (w == null) {
                    continue;
                }
                String file = zip.workbook(w, blobs);
                books.add(new WorkbookMetadata(w.id(), w.organizationId(), w.name(), w.sizeBytes(), w.sha256(),
                        w.createdAt(), file));
            }
            zip.json("workbooks.json", books);

            List<Map<String, Object>> runs = new ArrayList<>();
            for (Owned o : owned("simulations", "created_by", user.id())) {
                simulations.find(o.organization(), o.id()).ifPresent(s -> {
                    String summary = results.summary(o.organization(), o.id()).orElse(null);
                    runs.add(summary == null ? Map.of("simulation", SimulationView.of(s))
                            : Map.of("simulation", SimulationView.of(s), "results", ZipArchive.tree(summary)));
                });
            }
            zip.json("simulations.json", runs);
        }
    }

    private record Owned(UUID organization, UUID id) {
    }

    /** Rows of {@code table} the user made, in the organizations they are still a member of. */
    private List<Owned> owned(String table, String column, UUID user) {
        return db.sql("select organization_id, id from " + table + " where " + column + " = ? and organization_id in "
                        + "(select organization_id from memberships where user_id = ?) order by created_at")
                .params(user, user)
                .query((rs, n) -> new Owned(Timestamps.uuid(rs, "organization_id"), Timestamps.uuid(rs, "id"))).list();
    }
}
