package io.carlo.server.simulations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The samples format must give back every bit of every double, whatever the values. */
class SampleCodecTest {

    @Test
    void specialValuesComeBackBitForBit() throws IOException {
        double[] special = {0.0, -0.0, Double.NaN, -Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L),
                Double.longBitsToDouble(0xfff8_dead_beef_0001L), Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MIN_NORMAL, Math.nextDown(Double.MIN_NORMAL),
                Double.longBitsToDouble(0x0000_0000_0000_ff00L), Double.MAX_VALUE, -Double.MAX_VALUE, 1.0, -1.0,
                Math.PI, 1e-300, -1e300, Math.ulp(1.0)};
        double[] reversed = new double[special.length];
        for (int i = 0; i < special.length; i++) {
            reversed[i] = special[special.length - 1 - i];
        }
        double[][] columns = {special, reversed};

        assertBitExact(roundTrip(columns), columns);
    }

    @Test
    void randomColumnsComeBackBitForBit() throws IOException {
        SplittableRandom random = new SplittableRandom(20240607L);
        int rows = 20_000;
        double[] anyBits = new double[rows];      // every pattern: NaN payloads, subnormals, infinities
        double[] gaussian = new double[rows];
        double[] uniform = new double[rows];
        double[] subnormal = new double[rows];
        double[] months = new double[rows];       // whole numbers, as a break-even month is
        for (int i = 0; i < rows; i++) {
            anyBits[i] = Double.longBitsToDouble(random.nextLong());
            gaussian[i] = 1e6 + 2e5 * random.nextDouble() * (random.nextBoolean() ? 1 : -1);
            uniform[i] = random.nextDouble();
            subnormal[i] = Double.longBitsToDouble(random.nextLong(1L << 52)) * (random.nextBoolean() ? 1 : -1);
            months[i] = 1 + random.nextInt(36);
        }
        double[][] columns = {anyBits, gaussian, uniform, subnormal, months};

        assertBitExact(roundTrip(columns), columns);
    }

    @Test
    void emptyShapesComeBack() throws IOException {
        assertThat(roundTrip(new double[0][])).isEmpty();
        double[][] noRows = {new double[0], new double[0]};
        double[][] back = roundTrip(noRows);
        assertThat(back).hasDimensions(2, 0);
    }

    @Test
    void samplesThatShareTheirHighBytesCompressWell() throws IOException {
        double[] months = new double[100_000];
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < months.length; i++) {
            months[i] = 1 + random.nextInt(36);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SampleCodec.write(new double[][] {months}, out);
        // 36 distinct values: the five low byte planes are all zeros; under a quarter of the raw 8 bytes a sample
        assertThat(out.size()).isLessThan(months.length * 8 / 4);
    }

    @Test
    void columnsOfDifferentLengthsAreRefused() {
        assertThatThrownBy(() -> SampleCodec.write(new double[][] {new double[3], new double[4]},
                new ByteArrayOutputStream())).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void otherBytesAreRefused() throws IOException {
        ByteArrayOutputStream notSamples = new ByteArrayOutputStream();
        try (var deflated = new java.util.zip.DeflaterOutputStream(notSamples)) {
            deflated.write("PK not a samples file at all".getBytes());
        }
        assertThatThrownBy(() -> SampleCodec.read(new ByteArrayInputStream(notSamples.toByteArray())))
                .isInstanceOf(IOException.class).hasMessageContaining("not a samples file");

        ByteArrayOutputStream good = new ByteArrayOutputStream();
        SampleCodec.write(new double[][] {{1, 2, 3, 4}}, good);
        byte[] whole = good.toByteArray();
        byte[] cut = Arrays.copyOf(whole, whole.length / 2);
        assertThatThrownBy(() -> SampleCodec.read(new ByteArrayInputStream(cut))).isInstanceOf(EOFException.class);
    }

    private static double[][] roundTrip(double[][] columns) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SampleCodec.write(columns, out);
        return SampleCodec.read(new ByteArrayInputStream(out.toByteArray()));
    }

    private static void assertBitExact(double[][] actual, double[][] expected) {
        assertThat(actual).hasNumberOfRows(expected.length);
        for (int c = 0; c < expected.length; c++) {
            long[] want = Arrays.stream(expected[c]).mapToLong(Double::doubleToRawLongBits).toArray();
            long[] got = Arrays.stream(actual[c]).mapToLong(Double::doubleToRawLongBits).toArray();
            assertThat(got).as("column %d", c).containsExactly(want);
        }
    }
}
