package io.carlo.server.sso;

import java.util.UUID;

/**
 * Encrypts an organization's OIDC client secret for the database and decrypts it for the token
 * request. The organization's id is bound to the ciphertext (authenticated data), so a secret
 * copied to another organization's row does not decrypt.
 * {@link SealedSsoSecrets} does it with the encryption-at-rest keys.
 */
public interface SsoSecretCipher {

    /** The stored form of {@code secret}; never the secret itself. */
    String encrypt(UUID organization, String secret);

    /** The secret back from its stored form; fails when it was tampered with or belongs elsewhere. */
    String decrypt(UUID organization, String stored);
}
