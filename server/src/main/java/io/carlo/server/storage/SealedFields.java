package io.carlo.server.storage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts text columns that hold a customer's content (workbook summaries, result statistics and
 * manifests): stored as {@code enc:1:KEYID:Base64(nonce | ciphertext | tag)}, AES-256-GCM with the
 * column and the row id as associated data, so that a value copied into another row or column does
 * not decrypt. A value without the prefix was written before encryption and is read as it is.
 */
public final class SealedFields {

    static final String PREFIX = "enc:1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Keyring keys;

    public SealedFields(Keyring keys) {
        this.keys = keys;
    }

    /** {@code column} names table and column ({@code workbooks.summary}); {@code row} the row's id. */
    public String seal(String column, Object row, String plaintext) {
        byte[] nonce = new byte[12];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, keys.active(), new GCMParameterSpec(128, nonce));
            c.updateAAD(aad(column, row, keys.activeId()));
            byte[] sealed = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return PREFIX + keys.activeId() + ":" + Base64.getEncoder().encodeToString(
                    ByteBuffer.allocate(nonce.length + sealed.length).put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt " + column, e);
        }
    }

    /** The plaintext of a stored value (sealed or from before encryption); null stays null. */
    public String open(String column, Object row, String stored) {
        if (stored == null || !stored.startsWith(PREFIX)) {
            return stored;
        }
        int colon = stored.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new IllegalStateException(column + " of " + row + " is damaged");
        }
        String keyId = stored.substring(PREFIX.length(), colon);
        byte[] all = Base64.getDecoder().decode(stored.substring(colon + 1));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, keys.key(keyId), new GCMParameterSpec(128, all, 0, 12));
            c.updateAAD(aad(column, row, keyId));
            return new String(c.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (AEADBadTagException e) {
            throw new IllegalStateException(column + " of " + row + " fails its integrity check: it was changed "
                    + "or moved, and is not read");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot decrypt " + column + " of " + row, e);
        }
    }

    /** Whether a stored value is sealed (not plaintext from before encryption). */
    public boolean isSealed(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether a stored value is plaintext or sealed under a key other than the active one. */
    public boolean needsResealing(String stored) {
        return stored != null && !stored.startsWith(PREFIX + keys.activeId() + ":");
    }

    private static byte[] aad(String column, Object row, String keyId) {
        return (column + "|" + row + "|" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
