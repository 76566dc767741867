package io.carlo.server.storage;

import java.io.IOException;
import java.io.InputStream;

/**
 * Encrypts every blob on its way into the chosen store and decrypts it on the way out
 * ({@link Envelope}), so that neither the database's blobs table nor the data directory's files
 * hold a workbook's or a result's bytes. Blobs stored before encryption are read as they are, and
 * re-encrypted by {@link KeyRotation}.
 */
public final class EncryptedBlobStore implements BlobStore {

    private final BlobStore store;
    private final Keyring keys;

    public EncryptedBlobStore(BlobStore store, Keyring keys) {
        this.store = store;
        this.keys = keys;
    }

    @Override
    public void write(String id, BlobWriter writer) throws IOException {
        BlobStore.checkId(id);
        store.write(id, out -> {
            Envelope.Sealing sealed = Envelope.seal(out, keys.activeId(), keys.active(), id);
            writer.writeTo(sealed);
            sealed.finish();
        });
    }

    @Override
    public InputStream read(String id) throws IOException {
        InputStream stored = store.read(id);
        try {
            return Envelope.open(stored, keys, id);
        } catch (IOException | RuntimeException e) {
            stored.close();
            throw e;
        }
    }

    /** The plaintext size: the stored size less the header and one tag per segment. */
    @Override
    public long size(String id) throws IOException {
        long stored = store.size(id);
        if (stored < 0) {
            return stored;
        }
        String keyId = keyIdOf(id);
        if (keyId == null) {
            return stored;
        }
        long body = stored - (Envelope.MAGIC.length + 2 + keyId.length() + Envelope.PREFIX);
        long segments = Math.max(1, (body + Envelope.SEGMENT + Envelope.TAG - 1) / (Envelope.SEGMENT + Envelope.TAG));
        return body - segments * Envelope.TAG;
    }

    @Override
    public void delete(String id) throws IOException {
        store.delete(id);
    }

    @Override
    public void deleteAll(String prefix) throws IOException {
        store.deleteAll(prefix);
    }

    /** The id of the key the stored blob is sealed with; null for a plaintext (pre-encryption) blob. */
    public String keyIdOf(String id) throws IOException {
        try (InputStream in = store.readHead(id, Envelope.MAX_HEADER)) {
            return Envelope.keyId(in, id);
        }
    }

    /**
     * Seals the blob again under the active key when it is plaintext or under an older key;
     * whether it did. Writing a blob replaces it whole, so a reader sees the old or the new one.
     */
    public boolean reseal(String id) throws IOException {
        if (store.size(id) < 0 || keys.activeId().equals(keyIdOf(id))) {
            return false;
        }
        write(id, out -> {
            try (InputStream in = read(id)) {
                in.transferTo(out);
            }
        });
        return true;
    }
}
