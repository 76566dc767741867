package io.carlo.server.storage;

import io.carlo.server.workbooks.WorkbookRecord;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Moves everything at rest to the active key, once per start, in the background: workbook and
 * sample blobs, and the encrypted columns, that are still plaintext (written before encryption
 * existed) or sealed under an older key. Row by row, so an interrupted pass just continues at the
 * next start; idempotent, since what is under the active key is left alone; and safe with several
 * instances at once: a column is replaced only if it still holds what was read (compare and set),
 * and a blob is replaced whole by the same content. After a pass has finished on one instance, the
 * old key can be removed from the settings.
 */
@Component
public class KeyRotation {

    private static final Logger log = LoggerFactory.getLogger(KeyRotation.class);
    private static final int PAGE = 100;

    /** What one pass moved to the active key, and what it could not read. */
    public record Outcome(int blobs, int fields, int failures) {
    }

    private record Column(String table, String id, String column, String name) {
    }

    private static final List<Column> COLUMNS = List.of(
            new Column("workbooks", "id", "summary", "workbooks.summary"),
            new Column("simulation_results", "simulation_id", "summary", "simulation_results.summary"),
            new Column("simulation_results", "simulation_id", "manifest", "simulation_results.manifest"),
            new Column("sso_configurations", "organization_id", "client_secret", "sso_configurations.client_secret"));

    private final JdbcClient db;
    private final EncryptedBlobStore blobs;
    private final SealedFields fields;
    private final Keyring keys;
    private final CompletableFuture<Outcome> done = new CompletableFuture<>();

    public KeyRotation(JdbcClient db, EncryptedBlobStore blobs, SealedFields fields, Keyring keys) {
        this.db = db;
        this.blobs = blobs;
        this.fields = fields;
        this.keys = keys;
    }

    @EventListener(ApplicationReadyEvent.class)
    void start() {
        Thread pass = new Thread(() -> {
            try {
                done.complete(runOnce());
            } catch (Throwable e) {
                log.warn("the re-encryption pass stopped: {}", e.toString());
                done.completeExceptionally(e);
            }
        }, "key-rotation");
        pass.setDaemon(true);
        pass.start();
    }

    /** Completes when this start's pass has finished. */
    public CompletableFuture<Outcome> done() {
        return done;
    }

    /** One full pass. */
    public Outcome runOnce() {
        int blobCount = 0;
        int fieldCount = 0;
        int failures = 0;
        for (String blob : blobIds()) {
            try {
                if (blobs.reseal(blob)) {
                    blobCount++;
                }
            } catch (Exception e) {
                failures++;
                log.warn("cannot re-encrypt the blob {}: {}", blob, e.getMessage());
            }
        }
        for (Column c : COLUMNS) {
            UUID after = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
            boolean first = true;
            while (true) {
                List<Row> page = db.sql("select " + c.id() + " as id, " + c.column() + " as v from " + c.table()
                                + (first ? "" : " where " + c.id() + " > ?") + " order by " + c.id() + " limit " + PAGE)
                        .params(first ? List.of() : List.of(after))
                        .query((rs, n) -> new Row(Timestamps.uuid(rs, "id"), rs.getString("v"))).list();
                if (page.isEmpty()) {
                    break;
                }
                for (Row row : page) {
                    if (!fields.needsResealing(row.value())) {
                        continue;
                    }
                    try {
                        String sealed = fields.seal(c.name(), row.id(), fields.open(c.name(), row.id(), row.value()));
                        fieldCount += db.sql("update " + c.table() + " set " + c.column() + " = ? where " + c.id()
                                + " = ? and " + c.column() + " = ?").params(sealed, row.id(), row.value()).update();
                    } catch (RuntimeException e) {
                        failures++;
                        log.warn("cannot re-encrypt {} of {}: {}", c.name(), row.id(), e.getMessage());
                    }
                }
                after = page.getLast().id();
                first = false;
            }
        }
        if (blobCount + fieldCount + failures > 0) {
            log.info("re-encrypted under the key '{}': {} blob(s), {} field(s); {} could not be read", keys.activeId(),
                    blobCount, fieldCount, failures);
        }
        return new Outcome(blobCount, fieldCount, failures);
    }

    private record Row(UUID id, String value) {
    }

    /** Every blob a row refers to: the workbooks' files and the completed simulations' samples. */
    private List<String> blobIds() {
        List<String> ids = new java.util.ArrayList<>(db.sql("select organization_id, id from workbooks")
                .query((rs, n) -> WorkbookRecord.blobId(Timestamps.uuid(rs, "organization_id"),
                        Timestamps.uuid(rs, "id"))).list());
        ids.addAll(db.sql("select samples_blob from simulation_results").query(String.class).list());
        return ids;
    }
}
