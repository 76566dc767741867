package io.carlo.server.storage;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The keys that encrypt data at rest (uploaded workbooks, result samples, summaries), under
 * {@code carlo.encryption.} ({@code CARLO_ENCRYPTION_KEYS}, {@code CARLO_ENCRYPTION_ACTIVEKEY}).
 *
 * @param keys      {@code id:base64key} pairs, comma-separated; each key is 32 random bytes (AES-256,
 *                  {@code openssl rand -base64 32}); ids are short names of letters, digits, '-' and
 *                  '_'. Empty with the embedded database: a key is generated in the data directory
 *                  ({@code encryption.keys}). Required with PostgreSQL.
 * @param activeKey the id of the key that encrypts new data; empty: the last key listed. The other
 *                  keys only decrypt, until the startup re-encryption pass has moved everything
 *                  to the active key
 */
@ConfigurationProperties("carlo.encryption")
public record EncryptionProperties(String keys, String activeKey) {

    /** Never the keys themselves: settings get logged (debug output, failure reports). */
    @Override
    public String toString() {
        return "EncryptionProperties[keys=" + (keys == null || keys.isBlank() ? "(none)" : "(hidden)")
                + ", activeKey=" + activeKey + "]";
    }
}
