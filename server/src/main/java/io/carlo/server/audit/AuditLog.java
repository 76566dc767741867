package io.carlo.server.audit;

import io.carlo.server.security.Secrets;
import io.carlo.server.storage.Timestamps;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only audit log. The application only ever inserts: there is no route or method that
 * changes an entry; the two sanctioned removals (an organization's deletion takes its entries, an
 * account's deletion erases its entries' client address and user agent) are the only other writes,
 * and on PostgreSQL a trigger refuses anything else (V5_1__AuditLogGuard).
 *
 * <p>Each organization's entries form a hash chain: {@code hash = sha256(prev_hash + entry)}, the
 * entry written canonically (a JSON array of its fields). {@link #verify} recomputes it, so that an
 * entry changed, inserted or removed by direct SQL is found. Appends to one chain are serialized by
 * locking its head row in {@code audit_chains}, across instances too.
 *
 * <p>Entries hold ids, not names or e-mail addresses; readers get the actor's current e-mail
 * address by a join, so that a deleted account leaves an id that refers to no one.
 */
@Component
public class AuditLog {

    /** The chain of entries about no organization (a failed sign-in to an unknown address, a deleted account). */
    public static final String GLOBAL_CHAIN = "global";
    static final String GENESIS = "0".repeat(64);
    private static final int PAGE = 1000;
    private static final TypeReference<Map<String, String>> DETAILS = new TypeReference<>() {
    };

    /** What to list or export: each part optional. */
    public record Filter(Instant from, Instant to, String action, String actor) {
        public static final Filter ALL = new Filter(null, null, null, null);
    }

    /**
     * The outcome of recomputing a chain.
     *
     * @param brokenAt the first entry (seq) that does not verify, or null
     */
    public record Verification(boolean valid, long entries, Long brokenAt, String problem) {
    }

    /** Its own mapper: the canonical form must not change with the application's JSON settings. */
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JdbcClient db;
    private final JsonMapper json = JSON;
    private final Clock clock;
    private final TransactionTemplate tx;
    private final TransactionTemplate newTx;
    private final boolean postgres;

    public AuditLog(JdbcClient db, Clock clock, PlatformTransactionManager transactions,
                    DataSource dataSource) throws SQLException {
        this.db = db;
        this.clock = clock;
        this.tx = new TransactionTemplate(transactions);
        this.newTx = new TransactionTemplate(transactions);
        this.newTx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        try (Connection c = dataSource.getConnection()) {
            this.postgres = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
        }
    }

    /**
     * Appends an event to its organization's chain, in the caller's transaction when there is one
     * (so that the entry and the change it records commit together) or in one of its own.
     */
    public void record(AuditEvent event) {
        ClientInfo client = event.client() != null ? event.client() : ClientInfo.current();
        String chain = event.organizationId() == null ? GLOBAL_CHAIN : event.organizationId().toString();
        Instant at = clock.instant().truncatedTo(ChronoUnit.MICROS);
        String details = json.writeValueAsString(event.details());
        tx.executeWithoutResult(status -> {
            Head head = lockHead(chain);
            long seq = head.seq() + 1;
            String digest = client.digest();
            String hash = hash(head.hash(), canonical(chain, seq, event.organizationId(), at, event.actor().kind().name(),
                    event.actor().userId(), event.actor().apiKeyId(), event.action(), event.targetType(),
                    event.targetId(), digest, details));
            db.sql("""
                    insert into audit_log (id, chain, seq, organization_id, occurred_at, actor_type, actor_user_id,
                        actor_key_id, action, target_type, target_id, client_ip, user_agent, client_digest, details,
                        prev_hash, hash)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(UUID.randomUUID(), chain, seq, event.organizationId(), Timestamps.of(at),
                            event.actor().kind().name(), event.actor().userId(), event.actor().apiKeyId(),
                            event.action(), event.targetType(), event.targetId(), client.address(), client.userAgent(),
                            digest, details, head.hash(), hash)
                    .update();
            db.sql("update audit_chains set last_seq = ?, last_hash = ? where chain = ?").params(seq, hash, chain)
                    .update();
        });
    }

    private record Head(long seq, String hash) {
    }

    /** The chain's head, locked until the transaction ends; created on the chain's first entry. */
    private Head lockHead(String chain) {
        Optional<Head> head = selectHead(chain, true);
        if (head.isPresent()) {
            return head.get();
        }
        try {
            newTx.executeWithoutResult(s -> db.sql("insert into audit_chains (chain, last_seq, last_hash) values (?, 0, ?)")
                    .params(chain, GENESIS).update());
        } catch (DuplicateKeyException e) {
            // another request started this chain at the same moment: its row is there now
        }
        return selectHead(chain, true).orElseThrow();
    }

    private Optional<Head> selectHead(String chain, boolean lock) {
        return db.sql("select last_seq, last_hash from audit_chains where chain = ?" + (lock ? " for update" : ""))
                .param(chain).query((rs, n) -> new Head(rs.getLong("last_seq"), rs.getString("last_hash"))).optional();
    }

    // ---------------------------------------------------------------------------------------------
    // reading

    /** An organization's entries matching the filter, newest first. */
    public List<AuditEntry> list(UUID organization, Filter filter, int limit, int offset) {
        Query q = query(organization.toString(), filter);
        return db.sql(q.sql() + " order by a.seq desc limit ? offset ?").params(q.with(limit, offset))
                .query((rs, n) -> entry(rs)).list();
    }

    /** Every entry of an organization matching the filter, oldest first, read a page at a time. */
    public void forEach(UUID organization, Filter filter, Consumer<AuditEntry> each) {
        Query q = query(organization.toString(), filter);
        long after = 0;
        while (true) {
            List<AuditEntry> page = db.sql(q.sql() + " and a.seq > ? order by a.seq limit ?").params(q.with(after, PAGE))
                    .query((rs, n) -> entry(rs)).list();
            page.forEach(each);
            if (page.size() < PAGE) {
                return;
            }
            after = page.getLast().seq();
        }
    }

    /** What a person did (or their keys did), in any organization: for their data export. */
    public List<AuditEntry> ofUser(UUID user) {
        return db.sql(SELECT + " where a.actor_user_id = ? order by a.occurred_at, a.seq").param(user)
                .query((rs, n) -> entry(rs)).list();
    }

    private static final String SELECT = """
            select a.*, u.email as actor_email from audit_log a left join users u on u.id = a.actor_user_id""";

    private record Query(String sql, List<Object> params) {
        Object[] with(Object... more) {
            List<Object> all = new ArrayList<>(params);
            all.addAll(Arrays.asList(more));
            return all.toArray();
        }
    }

    private static Query query(String chain, Filter f) {
        StringBuilder sql = new StringBuilder(SELECT).append(" where a.chain = ?");
        List<Object> params = new ArrayList<>(List.of(chain));
        if (f.from() != null) {
            sql.append(" and a.occurred_at >= ?");
            params.add(Timestamps.of(f.from()));
        }
        if (f.to() != null) {
            sql.append(" and a.occurred_at < ?");
            params.add(Timestamps.of(f.to()));
        }
        if (f.action() != null && !f.action().isBlank()) {
            String action = f.action().trim().toLowerCase(Locale.ROOT);
            if (action.endsWith("*") || action.endsWith(".")) {
                // a family of actions: "workbook.*" or "workbook."
                String prefix = action.endsWith("*") ? action.substring(0, action.length() - 1) : action;
                sql.append(" and a.action like ? escape '\\'");
                params.add(prefix.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
            } else {
                sql.append(" and a.action = ?");
                params.add(action);
            }
        }
        if (f.actor() != null && !f.actor().isBlank()) {
            String actor = f.actor().trim().toLowerCase(Locale.ROOT);
            Optional<UUID> id = uuid(actor);
            if (id.isPresent()) {
                sql.append(" and (a.actor_user_id = ? or a.actor_key_id = ?)");
                params.add(id.get());
                params.add(id.get());
            } else if (actor.equals("system") || actor.equals("anonymous")) {
                sql.append(" and a.actor_type = ?");
                params.add(actor.toUpperCase(Locale.ROOT));
            } else {
                sql.append(" and u.email = ?");
                params.add(actor);
            }
        }
        return new Query(sql.toString(), params);
    }

    private AuditEntry entry(ResultSet rs) throws SQLException {
        return new AuditEntry(Timestamps.uuid(rs, "id"), rs.getLong("seq"), Timestamps.instant(rs, "occurred_at"),
                Timestamps.uuid(rs, "organization_id"), rs.getString("actor_type"), Timestamps.uuid(rs, "actor_user_id"),
                rs.getString("actor_email"), Timestamps.uuid(rs, "actor_key_id"), rs.getString("action"),
                rs.getString("target_type"), rs.getString("target_id"), rs.getString("client_ip"),
                rs.getString("user_agent"), json.readValue(rs.getString("details"), DETAILS), rs.getString("hash"));
    }

    // ---------------------------------------------------------------------------------------------
    // verification

    /** Recomputes an organization's chain from its first entry to its head. */
    public Verification verify(UUID organization) {
        return verify(organization.toString());
    }

    public Verification verify(String chain) {
        String previous = GENESIS;
        long seq = 0;
        while (true) {
            List<StoredRow> page = db.sql("select * from audit_log where chain = ? and seq > ? order by seq limit ?")
                    .params(chain, seq, PAGE).query((rs, n) -> StoredRow.of(rs)).list();
            for (StoredRow r : page) {
                if (r.seq() != seq + 1) {
                    return new Verification(false, seq, seq + 1, "entry " + (seq + 1) + " is missing");
                }
                seq = r.seq();
                if (!r.prevHash().equals(previous)) {
                    return new Verification(false, seq, seq, "entry " + seq + " does not follow the entry before it");
                }
                String expected = hash(previous, canonical(chain, r.seq(), r.organizationId(), r.occurredAt(),
                        r.actorType(), r.actorUserId(), r.actorKeyId(), r.action(), r.targetType(), r.targetId(),
                        r.clientDigest(), r.details()));
                if (!expected.equals(r.hash())) {
                    return new Verification(false, seq, seq, "entry " + seq + " was changed after it was recorded");
                }
                boolean erased = r.clientIp() == null && r.userAgent() == null;
                if (!erased && !new ClientInfo(r.clientIp(), r.userAgent()).digest().equals(r.clientDigest())) {
                    return new Verification(false, seq, seq, "the client address or user agent of entry " + seq
                            + " was changed after it was recorded");
                }
                previous = r.hash();
            }
            if (page.size() < PAGE) {
                break;
            }
        }
        Head head = selectHead(chain, false).orElse(new Head(0, GENESIS));
        if (head.seq() != seq || !head.hash().equals(previous)) {
            return new Verification(false, seq, seq + 1, "the log ends at entry " + seq + " but " + head.seq()
                    + " were recorded: entries were removed");
        }
        return new Verification(true, seq, null, null);
    }

    private record StoredRow(long seq, UUID organizationId, Instant occurredAt, String actorType, UUID actorUserId,
                             UUID actorKeyId, String action, String targetType, String targetId, String clientIp,
                             String userAgent, String clientDigest, String details, String prevHash, String hash) {
        static StoredRow of(ResultSet rs) throws SQLException {
            return new StoredRow(rs.getLong("seq"), Timestamps.uuid(rs, "organization_id"),
                    Timestamps.instant(rs, "occurred_at"), rs.getString("actor_type"),
                    Timestamps.uuid(rs, "actor_user_id"), Timestamps.uuid(rs, "actor_key_id"), rs.getString("action"),
                    rs.getString("target_type"), rs.getString("target_id"), rs.getString("client_ip"),
                    rs.getString("user_agent"), rs.getString("client_digest"), rs.getString("details"),
                    rs.getString("prev_hash"), rs.getString("hash"));
        }
    }

    private String canonical(String chain, long seq, UUID organization, Instant at, String actorType, UUID user,
                             UUID key, String action, String targetType, String targetId, String clientDigest,
                             String details) {
        return json.writeValueAsString(Arrays.asList(chain, Long.toString(seq), text(organization), at.toString(),
                actorType, text(user), text(key), action, targetType, targetId, clientDigest, details));
    }

    private static String hash(String previous, String canonical) {
        return Secrets.sha256(previous + canonical);
    }

    private static String text(UUID id) {
        return id == null ? null : id.toString();
    }

    private static Optional<UUID> uuid(String text) {
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // the sanctioned erasures (GDPR), each in the caller's transaction

    /** Removes an organization's whole chain: only when the organization itself is deleted. */
    public void eraseOrganization(UUID organization) {
        sanctionErasure();
        db.sql("delete from audit_log where chain = ?").param(organization.toString()).update();
        db.sql("delete from audit_chains where chain = ?").param(organization.toString()).update();
    }

    /**
     * Erases the client address and user agent of a deleted account's entries; the entries stay,
     * their actor now an id that refers to no one, and the chain still verifies (it covers a digest).
     */
    public void eraseClientInfoOf(UUID user) {
        sanctionErasure();
        db.sql("update audit_log set client_ip = null, user_agent = null where actor_user_id = ?").param(user).update();
    }

    private void sanctionErasure() {
        if (postgres) {
            db.sql("select set_config('carlo.audit_erasure', 'on', true)").query(String.class).single();
        }
    }

    /** Runs work in a transaction (joining the caller's), for the erasures above. */
    public void inTransaction(Runnable work) {
        tx.executeWithoutResult(s -> work.run());
    }
}
