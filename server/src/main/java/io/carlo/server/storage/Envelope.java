package io.carlo.server.storage;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PushbackInputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * The encrypted form of a blob, written and read as a stream so that a large blob never sits in
 * memory whole: a header, then AES-256-GCM segments of 64 KiB, each sealed on its own.
 *
 * <pre>
 * header:  "CENC" | version (1) | key id length (1) | key id | nonce prefix (7 random bytes)
 * segment: ciphertext of up to 64 KiB | 16-byte tag
 * nonce:   nonce prefix | segment number (4, big-endian) | 1 on the last segment, else 0
 * AAD:     "carlo-blob:" + blob id + the header
 * </pre>
 *
 * The segment number in the nonce stops segments being reordered, the last-segment flag stops a
 * blob being cut short after a segment, and the AAD ties every segment to its blob id and key id:
 * a blob copied under another id, or any changed byte, fails to read instead of giving other
 * data. A stored blob without the magic was written before encryption existed and is read as it is.
 */
public final class Envelope {

    static final byte[] MAGIC = {'C', 'E', 'N', 'C'};
    static final int VERSION = 1;
    static final int SEGMENT = 64 * 1024;
    static final int TAG = 16;
    static final int PREFIX = 7;
    /** The longest header: magic, version, id length, a 32-character key id, nonce prefix. */
    static final int MAX_HEADER = 4 + 2 + 32 + PREFIX;
    private static final SecureRandom RANDOM = new SecureRandom();

    private Envelope() {
    }

    /** A blob's stored bytes fail their integrity check: changed, cut short or moved. */
    public static final class IntegrityException extends IOException {
        IntegrityException(String blobId, String why) {
            super("the stored blob " + blobId + " fails its integrity check (" + why + "): it was changed or "
                    + "damaged, and is not read");
        }
    }

    /** Starts a sealed blob on {@code out}; {@link Sealing#finish()} writes its last segment. */
    public static Sealing seal(OutputStream out, String keyId, SecretKey key, String blobId) throws IOException {
        byte[] prefix = new byte[PREFIX];
        RANDOM.nextBytes(prefix);
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream header = new ByteArrayOutputStream();
        header.write(MAGIC);
        header.write(VERSION);
        header.write(id.length);
        header.write(id);
        header.write(prefix);
        byte[] h = header.toByteArray();
        out.write(h);
        return new Sealing(out, key, prefix, aad(blobId, h));
    }

    /**
     * The blob's plaintext: decrypted with the key its header names, or the bytes as they are for
     * a blob stored before encryption.
     */
    public static InputStream open(InputStream stored, Keyring keys, String blobId) throws IOException {
        PushbackInputStream in = new PushbackInputStream(stored, 256);
        Header header = header(in, blobId);
        if (header == null) {
            return in; // written before encryption: plaintext
        }
        Opening opening = new Opening(in, keys.key(header.keyId()), header.prefix(), aad(blobId, header.bytes()), blobId);
        // the first segment (all of most workbooks) is authenticated now, so a damaged blob fails where it
        // is opened: before a download's answer has started, not after a 200
        opening.next();
        return opening;
    }

    /** The id of the key a stored blob is sealed with; null for a plaintext blob. */
    public static String keyId(InputStream stored, String blobId) throws IOException {
        Header h = header(new PushbackInputStream(stored, 256), blobId);
        return h == null ? null : h.keyId();
    }

    private record Header(String keyId, byte[] prefix, byte[] bytes) {
    }

    private static Header header(PushbackInputStream in, String blobId) throws IOException {
        byte[] magic = in.readNBytes(MAGIC.length);
        if (!Arrays.equals(magic, MAGIC)) {
            in.unread(magic);
            return null;
        }
        int version = in.read();
        int idLength = in.read();
        if (version != VERSION || idLength < 1 || idLength > 32) {
            throw new IntegrityException(blobId, "unknown header");
        }
        byte[] id = in.readNBytes(idLength);
        byte[] prefix = in.readNBytes(PREFIX);
        if (id.length != idLength || prefix.length != PREFIX) {
            throw new IntegrityException(blobId, "header cut short");
        }
        ByteBuffer all = ByteBuffer.allocate(MAGIC.length + 2 + idLength + PREFIX);
        all.put(MAGIC).put((byte) version).put((byte) idLength).put(id).put(prefix);
        return new Header(new String(id, StandardCharsets.US_ASCII), prefix, all.array());
    }

    private static byte[] aad(String blobId, byte[] header) {
        byte[] name = ("carlo-blob:" + blobId).getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(name.length + header.length).put(name).put(header).array();
    }

    private static byte[] nonce(byte[] prefix, int segment, boolean last) {
        return ByteBuffer.allocate(12).put(prefix).putInt(segment).put((byte) (last ? 1 : 0)).array();
    }

    /** Encrypts what is written, one segment at a time. */
    public static final class Sealing extends OutputStream {
        private final OutputStream out;
        private final SecretKey key;
        private final byte[] prefix;
        private final byte[] aad;
        private final byte[] buffer = new byte[SEGMENT];
        private int filled;
        private int segment;
        private boolean finished;

        private Sealing(OutputStream out, SecretKey key, byte[] prefix, byte[] aad) {
            this.out = out;
            this.key = key;
            this.prefix = prefix;
            this.aad = aad;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (finished) {
                throw new IOException("the sealed blob is finished");
            }
            while (len > 0) {
                if (filled == SEGMENT) {
                    emit(false); // a full segment is sealed only once more data shows it is not the last
                }
                int n = Math.min(len, SEGMENT - filled);
                System.arraycopy(b, off, buffer, filled, n);
                filled += n;
                off += n;
                len -= n;
            }
        }

        /** Seals the last segment (possibly empty); the underlying stream stays open. */
        public void finish() throws IOException {
            if (!finished) {
                emit(true);
                finished = true;
                out.flush();
            }
        }

        private void emit(boolean last) throws IOException {
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(prefix, segment, last)));
                c.updateAAD(aad);
                out.write(c.doFinal(buffer, 0, filled));
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot encrypt", e);
            }
            segment++;
            filled = 0;
        }

        @Override
        public void close() throws IOException {
            finish();
        }
    }

    /** Decrypts segment by segment; every segment is authenticated before any of its bytes is returned. */
    private static final class Opening extends InputStream {
        private final PushbackInputStream in;
        private final SecretKey key;
        private final byte[] prefix;
        private final byte[] aad;
        private final String blobId;
        private byte[] plain = new byte[0];
        private int pos;
        private int segment;
        private boolean last;

        Opening(PushbackInputStream in, SecretKey key, byte[] prefix, byte[] aad, String blobId) {
            this.in = in;
            this.key = key;
            this.prefix = prefix;
            this.aad = aad;
            this.blobId = blobId;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            int n = read(one, 0, 1);
            return n < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            while (pos == plain.length) {
                if (last) {
                    return -1;
                }
                next();
            }
            int n = Math.min(len, plain.length - pos);
            System.arraycopy(plain, pos, b, off, n);
            pos += n;
            return n;
        }

        void next() throws IOException {
            byte[] sealed = in.readNBytes(SEGMENT + TAG);
            if (sealed.length < TAG) {
                throw new IntegrityException(blobId, "cut short");
            }
            int peek = in.read();
            last = peek < 0;
            if (!last) {
                in.unread(peek);
            }
            try {
                Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
                c.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG * 8, nonce(prefix, segment, last)));
                c.updateAAD(aad);
                plain = c.doFinal(sealed);
            } catch (AEADBadTagException e) {
                throw new IntegrityException(blobId, "segment " + segment + " does not authenticate");
            } catch (GeneralSecurityException e) {
                throw new IOException("cannot decrypt the blob " + blobId, e);
            }
            pos = 0;
            segment++;
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
