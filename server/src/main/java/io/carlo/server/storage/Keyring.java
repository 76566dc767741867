package io.carlo.server.storage;

import java.util.Collections;
import java.util.Map;
import java.util.Set;
import javax.crypto.SecretKey;

/**
 * The AES-256 keys by id: the active one encrypts, every one decrypts (data written under a key
 * that has since been rotated out stays readable until the re-encryption pass moves it).
 */
public final class Keyring {

    private final Map<String, SecretKey> keys;
    private final String active;

    public Keyring(Map<String, SecretKey> keys, String active) {
        if (keys.isEmpty()) {
            throw new EncryptionKeys.KeysException("no encryption keys");
        }
        String chosen = active == null || active.isBlank() ? keys.keySet().stream().reduce((a, b) -> b).orElseThrow()
                : active.trim();
        if (!keys.containsKey(chosen)) {
            throw new EncryptionKeys.KeysException("carlo.encryption.active-key '" + chosen + "' is not among the keys ("
                    + String.join(", ", keys.keySet()) + ")");
        }
        this.keys = Collections.unmodifiableMap(keys);
        this.active = chosen;
    }

    public String activeId() {
        return active;
    }

    public SecretKey active() {
        return keys.get(active);
    }

    /** The key with this id; fails clearly when it was removed from the settings too early. */
    public SecretKey key(String id) {
        SecretKey k = keys.get(id);
        if (k == null) {
            throw new IllegalStateException("data is encrypted with the key '" + id + "', which is not configured "
                    + "(carlo.encryption.keys); keep old keys until the re-encryption pass has finished");
        }
        return k;
    }

    public Set<String> ids() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "Keyring[ids=" + keys.keySet() + ", active=" + active + "]";
    }
}
