package io.carlo.server.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Where file contents live: uploaded workbooks and result samples. The database rows hold the
 * metadata and a blob id. Ids are made of letters, digits, '-', '_' and '/', chosen by Carlo.
 */
public interface BlobStore {

    /** Writes a blob from what {@code writer} produces; replaces any blob with the same id. */
    void write(String id, BlobWriter writer) throws IOException;

    /** Opens a blob for reading; the caller closes the stream. */
    InputStream read(String id) throws IOException;

    /**
     * Opens the first {@code bytes} bytes of a blob at least (a header), for a store that can read
     * less than the whole blob; by default the whole blob.
     */
    default InputStream readHead(String id, int bytes) throws IOException {
        return read(id);
    }

    /** Size in bytes, or -1 when there is no such blob. */
    long size(String id) throws IOException;

    /** Deletes a blob; nothing happens when it does not exist. */
    void delete(String id) throws IOException;

    /**
     * Deletes every blob whose id starts with {@code prefix}, a folder such as
     * {@code workbooks/<organization>/} (it must end with '/'): an organization's deletion takes all
     * its files this way. Nothing happens when there are none.
     */
    void deleteAll(String prefix) throws IOException;

    /** Checks a {@link #deleteAll} prefix: a blob id of its own, ending with '/'. */
    static void checkPrefix(String prefix) {
        if (prefix == null || !prefix.endsWith("/") || prefix.length() < 2) {
            throw new IllegalArgumentException("a blob prefix is a folder ending with '/': " + prefix);
        }
        checkId(prefix.substring(0, prefix.length() - 1));
    }

    /** Produces a blob's bytes. */
    @FunctionalInterface
    interface BlobWriter {
        void writeTo(OutputStream out) throws IOException;
    }

    static void checkId(String id) {
        if (id == null || id.isEmpty() || id.length() > 200 || !id.matches("[A-Za-z0-9_\\-/.]+")
                || id.contains("..") || id.startsWith("/")) {
            throw new IllegalArgumentException("bad blob id: " + id);
        }
    }
}
