package io.carlo.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The segmented AES-GCM format: round trips at every size edge, and refuses every kind of tampering. */
class EnvelopeTest {

    private final Keyring keys = new Keyring(EncryptionKeys.parse(EncryptionAtRestTest.KEY_A, "test"), null);

    @Test
    void roundTripsAtEverySegmentEdge() throws IOException {
        int s = Envelope.SEGMENT;
        for (int size : new int[] {0, 1, s - 1, s, s + 1, 3 * s, 3 * s + 17}) {
            byte[] plain = random(size);
            byte[] sealed = seal(plain, "blob/a");
            assertThat(open(sealed, "blob/a")).as("size " + size).isEqualTo(plain);
            assertThat(sealed.length).isGreaterThan(size);
        }
    }

    @Test
    void aBlobMovedToAnotherIdDoesNotRead() throws IOException {
        byte[] sealed = seal(random(1000), "blob/a");
        assertThatThrownBy(() -> open(sealed, "blob/b")).isInstanceOf(Envelope.IntegrityException.class);
    }

    @Test
    void segmentsCannotBeDroppedOrReordered() throws IOException {
        int s = Envelope.SEGMENT;
        byte[] sealed = seal(random(3 * s), "blob/a");
        int header = sealed.length - 3 * (s + Envelope.TAG);
        byte[] dropped = new byte[sealed.length - (s + Envelope.TAG)];
        System.arraycopy(sealed, 0, dropped, 0, header + s + Envelope.TAG);
        System.arraycopy(sealed, header + 2 * (s + Envelope.TAG), dropped, header + s + Envelope.TAG, s + Envelope.TAG);
        assertThatThrownBy(() -> open(dropped, "blob/a")).isInstanceOf(Envelope.IntegrityException.class);
        byte[] cut = java.util.Arrays.copyOf(sealed, header + 2 * (s + Envelope.TAG));
        assertThatThrownBy(() -> open(cut, "blob/a")).isInstanceOf(Envelope.IntegrityException.class);
    }

    @Test
    void plaintextFromBeforeEncryptionIsReadAsItIs() throws IOException {
        byte[] plain = {'P', 'K', 3, 4, 1, 2, 3};
        assertThat(open(plain, "blob/a")).isEqualTo(plain);
        assertThat(Envelope.keyId(new ByteArrayInputStream(plain), "blob/a")).isNull();
        assertThat(Envelope.keyId(new ByteArrayInputStream(seal(plain, "blob/a")), "blob/a")).isEqualTo("keyA");
    }

    private byte[] seal(byte[] plain, String id) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Envelope.Sealing sealing = Envelope.seal(out, keys.activeId(), keys.active(), id);
        sealing.write(plain);
        sealing.finish();
        return out.toByteArray();
    }

    private byte[] open(byte[] sealed, String id) throws IOException {
        try (InputStream in = Envelope.open(new ByteArrayInputStream(sealed), keys, id)) {
            return in.readAllBytes();
        }
    }

    private static byte[] random(int size) {
        byte[] b = new byte[size];
        new Random(size).nextBytes(b);
        return b;
    }
}
