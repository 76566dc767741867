package io.carlo.server.storage;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * Reads the key list ({@code id:base64,id:base64}) from the settings or from the key file of the
 * embedded mode, which it creates on first start (one fresh key, readable by its owner only).
 * Errors name the setting and never echo a key.
 */
public final class EncryptionKeys {

    /** The key file of the embedded mode, in the data directory; backed up with it. */
    public static final String FILE_NAME = "encryption.keys";

    private static final SecureRandom RANDOM = new SecureRandom();

    private EncryptionKeys() {
    }

    /** The keys configured cannot be used; the message says which and why. */
    public static class KeysException extends IllegalStateException {
        public KeysException(String message) {
            super(message);
        }
    }

    /** No keys were configured where they are required (PostgreSQL: every instance must share them). */
    public static final class MissingKeysException extends KeysException {
        public MissingKeysException() {
            super("no encryption keys are configured (carlo.encryption.keys / CARLO_ENCRYPTION_KEYS); "
                    + "they are required with PostgreSQL");
        }
    }

    /** Parses {@code id:base64key,...} in order. */
    public static Map<String, SecretKey> parse(String list, String source) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String item : list.split("[,\\s]+")) {
            if (item.isBlank()) {
                continue;
            }
            int colon = item.indexOf(':');
            String id = colon > 0 ? item.substring(0, colon).trim() : "";
            if (!id.matches("[A-Za-z0-9_-]{1,32}")) {
                throw new KeysException(source + ": each key must be written ID:BASE64KEY, with an id of "
                        + "at most 32 letters, digits, '-' or '_'");
            }
            byte[] bytes;
            try {
                bytes = Base64.getDecoder().decode(item.substring(colon + 1).trim());
            } catch (IllegalArgumentException e) {
                throw new KeysException(source + ": the key '" + id + "' is not valid Base64");
            }
            if (bytes.length != 32) {
                throw new KeysException(source + ": the key '" + id + "' must be 32 bytes (AES-256, "
                        + "openssl rand -base64 32), not " + bytes.length);
            }
            if (keys.put(id, new SecretKeySpec(bytes, "AES")) != null) {
                throw new KeysException(source + ": the key id '" + id + "' is listed twice");
            }
        }
        return keys;
    }

    /** The key file's keys; a new file with one fresh key when there is none. */
    public static Map<String, SecretKey> fromFile(Path file) {
        try {
            if (!Files.exists(file)) {
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                // written aside with owner-only permissions, then moved into place whole
                Path draft = Files.createTempFile(dir, "encryption", ".tmp");
                try {
                    Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions protect it
                }
                Files.writeString(draft, "# Carlo's encryption keys (id:base64); back this file up with the data\n"
                        + "local-" + java.util.HexFormat.of().formatHex(fresh, 0, 3) + ":" + Base64.getEncoder().encodeToString(fresh)
                        + "\n", StandardCharsets.UTF_8);
                try {
                    Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException raced) {
                    Files.deleteIfExists(draft); // another process wrote it first: use theirs
                    if (!Files.exists(file)) {
                        throw raced;
                    }
                }
            }
            StringBuilder list = new StringBuilder();
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank() && !line.strip().startsWith("#")) {
                    list.append(line.strip()).append(',');
                }
            }
            return parse(list.toString(), file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the encryption key file " + file, e);
        }
    }
}
