package io.carlo.server.sso;

import io.carlo.server.CarloProperties;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM with a random 96-bit nonce per secret; stored as {@code v1:<Base64(nonce | ciphertext | tag)>}.
 * The key comes from {@code carlo.sso.secret-key}, or from {@code sso-secret.key} in the data
 * directory, created on first use (readable by its owner only).
 */
@Component
public class AesGcmSsoSecretCipher implements SsoSecretCipher {

    private static final String VERSION = "v1:";
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final CarloProperties properties;
    private volatile SecretKey key;

    public AesGcmSsoSecretCipher(CarloProperties properties) {
        this.properties = properties;
    }

    /** A cipher with this key (32 bytes), for tests and for callers that hold a key already. */
    public static AesGcmSsoSecretCipher withKey(byte[] key) {
        AesGcmSsoSecretCipher cipher = new AesGcmSsoSecretCipher(null);
        cipher.key = aesKey(key);
        return cipher;
    }

    @Override
    public String encrypt(UUID organization, String secret) {
        byte[] nonce = new byte[NONCE_BYTES];
        RANDOM.nextBytes(nonce);
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.ENCRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, nonce));
            c.updateAAD(organization.toString().getBytes(StandardCharsets.UTF_8));
            byte[] sealed = c.doFinal(secret.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(ByteBuffer.allocate(nonce.length + sealed.length)
                    .put(nonce).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot encrypt the client secret", e);
        }
    }

    @Override
    public String decrypt(UUID organization, String stored) {
        if (stored == null || !stored.startsWith(VERSION)) {
            throw new IllegalStateException("the stored client secret is not in a known format");
        }
        byte[] all = Base64.getDecoder().decode(stored.substring(VERSION.length()));
        try {
            Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
            c.init(Cipher.DECRYPT_MODE, key(), new GCMParameterSpec(TAG_BITS, all, 0, NONCE_BYTES));
            c.updateAAD(organization.toString().getBytes(StandardCharsets.UTF_8));
            return new String(c.doFinal(all, NONCE_BYTES, all.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the client secret does not decrypt: was carlo.sso.secret-key changed?", e);
        }
    }

    private SecretKey key() {
        SecretKey k = key;
        if (k == null) {
            synchronized (this) {
                if (key == null) {
                    key = loadKey();
                }
                k = key;
            }
        }
        return k;
    }

    private SecretKey loadKey() {
        String configured = properties.sso().secretKey();
        if (configured != null && !configured.isBlank()) {
            try {
                return aesKey(Base64.getDecoder().decode(configured.trim()));
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("carlo.sso.secret-key must be the Base64 of 32 random bytes "
                        + "(openssl rand -base64 32)", e);
            }
        }
        return aesKey(keyFile(properties.data().resolve("sso-secret.key")));
    }

    private static byte[] keyFile(Path file) {
        try {
            if (!Files.exists(file)) {
                byte[] fresh = new byte[32];
                RANDOM.nextBytes(fresh);
                Path dir = file.toAbsolutePath().getParent();
                Files.createDirectories(dir);
                // written aside, then moved into place whole: no reader ever sees a half-written key
                Path draft = Files.createTempFile(dir, "sso-secret", ".tmp");
                try {
                    Files.setPosixFilePermissions(draft, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException notPosix) {
                    // Windows: the data directory's own permissions protect it
                }
                Files.writeString(draft, Base64.getEncoder().encodeToString(fresh));
                Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE);
            }
            return Base64.getDecoder().decode(Files.readString(file).trim());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read or create the SSO secret key " + file, e);
        }
    }

    private static SecretKey aesKey(byte[] bytes) {
        if (bytes.length != 32) {
            throw new IllegalStateException("the SSO secret key must be 32 bytes (AES-256), not " + bytes.length);
        }
        return new SecretKeySpec(bytes, "AES");
    }
}
