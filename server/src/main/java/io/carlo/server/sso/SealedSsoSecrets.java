package io.carlo.server.sso;

import io.carlo.server.storage.SealedFields;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * Organizations' OIDC client secrets, sealed with the encryption-at-rest keys like workbooks and
 * results: one set of keys for the operator to keep and rotate (the startup rotation pass re-seals
 * these too), and the organization's id bound in, so a secret copied to another row does not open.
 */
@Component
class SealedSsoSecrets implements SsoSecretCipher {

    /** The column, as the rotation pass and the authenticated data name it. */
    static final String COLUMN = "sso_configurations.client_secret";

    private final SealedFields fields;

    SealedSsoSecrets(SealedFields fields) {
        this.fields = fields;
    }

    @Override
    public String encrypt(UUID organization, String secret) {
        return fields.seal(COLUMN, organization, secret);
    }

    @Override
    public String decrypt(UUID organization, String stored) {
        if (!fields.isSealed(stored)) {
            // never written in the clear: a plain value here was put there outside Carlo
            throw new IllegalStateException(COLUMN + " of " + organization + " is not sealed and is not used");
        }
        return fields.open(COLUMN, organization, stored);
    }
}
