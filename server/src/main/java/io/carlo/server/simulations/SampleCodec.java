package io.carlo.server.simulations;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.zip.Deflater;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/**
 * The samples of a run, compactly: columns of doubles, each stored byte-plane by byte-plane (all
 * first bytes of the column, then all second bytes...) and deflated. Neighbouring samples share
 * their sign, exponent and leading mantissa bits, so the high planes compress far better than
 * interleaved doubles would (the idea of Blosc's shuffle filter). Lossless: every bit comes back.
 *
 * <pre>
 * "CSMP" version(int=1) columns(int) rows(int), then per column its 8 byte planes of {@code rows} bytes
 * </pre>
 */
public final class SampleCodec {

    private static final int MAGIC = 0x43534D50; // "CSMP"
    private static final int VERSION = 1;

    private SampleCodec() {
    }

    public static void write(double[][] columns, OutputStream target) throws IOException {
        int rows = columns.length == 0 ? 0 : columns[0].length;
        Deflater deflater = new Deflater(Deflater.BEST_SPEED);
        try {
            DeflaterOutputStream compressed = new DeflaterOutputStream(target, deflater, 1 << 16);
            DataOutputStream out = new DataOutputStream(compressed);
            out.writeInt(MAGIC);
            out.writeInt(VERSION);
            out.writeInt(columns.length);
            out.writeInt(rows);
            byte[] plane = new byte[rows];
            for (double[] column : columns) {
                if (column.length != rows) {
                    throw new IllegalArgumentException("columns of different lengths");
                }
                for (int b = 7; b >= 0; b--) {
                    int shift = 8 * b;
                    for (int i = 0; i < rows; i++) {
                        plane[i] = (byte) (Double.doubleToRawLongBits(column[i]) >>> shift);
                    }
                    out.write(plane);
                }
            }
            out.flush();
            compressed.finish(); // the caller owns and closes the target
        } finally {
            deflater.end();
        }
    }

    public static double[][] read(InputStream source) throws IOException {
        Inflater inflater = new Inflater();
        try (DataInputStream in = new DataInputStream(new InflaterInputStream(source, inflater, 1 << 16))) {
            if (in.readInt() != MAGIC || in.readInt() != VERSION) {
                throw new IOException("not a samples file of this version");
            }
            int count = in.readInt();
            int rows = in.readInt();
            if (count < 0 || rows < 0) {
                throw new IOException("corrupt samples file");
            }
            double[][] columns = new double[count][];
            byte[] plane = new byte[rows];
            for (int c = 0; c < count; c++) {
                long[] bits = new long[rows];
                for (int b = 7; b >= 0; b--) {
                    in.readFully(plane);
                    int shift = 8 * b;
                    for (int i = 0; i < rows; i++) {
                        bits[i] |= (plane[i] & 0xFFL) << shift;
                    }
                }
                double[] column = new double[rows];
                for (int i = 0; i < rows; i++) {
                    column[i] = Double.longBitsToDouble(bits[i]);
                }
                columns[c] = column;
            }
            return columns;
        } finally {
            inflater.end();
        }
    }
}
