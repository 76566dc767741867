package io.carlo.server.storage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Blobs in the database's {@code blobs} table, so that every instance of a PostgreSQL deployment
 * reads what any other wrote, and one database backup holds everything.
 */
public final class DatabaseBlobStore implements BlobStore {

    private final JdbcClient db;
    private final Clock clock;

    public DatabaseBlobStore(JdbcClient db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    @Override
    public void write(String id, BlobWriter writer) throws IOException {
        BlobStore.checkId(id);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        writer.writeTo(bytes);
        // replaced in one statement, so a concurrent reader sees the old or the new content, never none
        int replaced = db.sql("update blobs set content = ?, created_at = ? where id = ?")
                .params(bytes.toByteArray(), Timestamps.of(clock.instant()), id).update();
        if (replaced == 0) {
            db.sql("insert into blobs (id, content, created_at) values (?, ?, ?)")
                    .params(id, bytes.toByteArray(), Timestamps.of(clock.instant())).update();
        }
    }

    /** Only the first bytes leave the database (the key-rotation pass reads every blob's header). */
    @Override
    public InputStream readHead(String id, int bytes) throws IOException {
        BlobStore.checkId(id);
        byte[] head = db.sql("select substring(content from 1 for ?) from blobs where id = ?").params(bytes, id)
                .query(byte[].class).optional().orElseThrow(() -> new FileNotFoundException("no blob " + id));
        return new ByteArrayInputStream(head);
    }

    @Override
    public InputStream read(String id) throws IOException {
        BlobStore.checkId(id);
        byte[] content = db.sql("select content from blobs where id = ?").param(id).query(byte[].class).optional()
                .orElseThrow(() -> new FileNotFoundException("no blob " + id));
        return new ByteArrayInputStream(content);
    }

    @Override
    public long size(String id) {
        BlobStore.checkId(id);
        return db.sql("select octet_length(content) from blobs where id = ?").param(id).query(Long.class).optional()
                .orElse(-1L);
    }

    @Override
    public void deleteAll(String prefix) {
        BlobStore.checkPrefix(prefix); // letters, digits, '-', '_', '/', '.': nothing LIKE would read as a wildcard but '_'
        db.sql("delete from blobs where id like ? escape '!'").param(prefix.replace("_", "!_") + "%").update();
    }

    @Override
    public void delete(String id) {
        BlobStore.checkId(id);
        db.sql("delete from blobs where id = ?").param(id).update();
    }
}
