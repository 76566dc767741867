package io.carlo.server.sso;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class AesGcmSsoSecretCipherTest {

    private final AesGcmSsoSecretCipher cipher = AesGcmSsoSecretCipher.withKey(new byte[32]);
    private final UUID organization = UUID.randomUUID();

    @Test
    void aSecretComesBackForItsOrganizationOnly() {
        String stored = cipher.encrypt(organization, "client secret");
        assertThat(stored).startsWith("v1:").doesNotContain("client secret");
        assertThat(cipher.encrypt(organization, "client secret")).as("a fresh nonce each time").isNotEqualTo(stored);
        assertThat(cipher.decrypt(organization, stored)).isEqualTo("client secret");
        assertThatThrownBy(() -> cipher.decrypt(UUID.randomUUID(), stored)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void anotherKeyOrATamperedValueDoesNotDecrypt() {
        String stored = cipher.encrypt(organization, "client secret");
        byte[] other = new byte[32];
        other[0] = 1;
        assertThatThrownBy(() -> AesGcmSsoSecretCipher.withKey(other).decrypt(organization, stored))
                .isInstanceOf(IllegalStateException.class);
        char last = stored.charAt(stored.length() - 3);
        String tampered = stored.substring(0, stored.length() - 3) + (last == 'A' ? 'B' : 'A') + stored.substring(stored.length() - 2);
        assertThatThrownBy(() -> cipher.decrypt(organization, tampered)).isInstanceOf(IllegalStateException.class);
    }
}
