package io.carlo.engine.report;

import io.carlo.engine.simulation.SimulationResult;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** A million iterations go through the streaming Samples sheet, not a workbook held in memory. */
class XlsxReportMillionTest {

    private static final int ITERATIONS = 1_000_000;

    @Test
    void aMillionIterationsAreWrittenInBoundedMemory(@TempDir Path dir) throws IOException, OpenXML4JException {
        SimulationResult result = ReportFixtures.result(ITERATIONS, 1, 1, false);
        Path file = dir.resolve("million.xlsx");
        Runtime runtime = Runtime.getRuntime();
        System.gc();
        long before = runtime.totalMemory() - runtime.freeMemory();

        long start = System.nanoTime();
        long startCpu = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
            XlsxReport.write(result, out);
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        // CPU time too: on a shared machine the wall clock says more about the neighbours.
        long cpuMillis = (ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - startCpu) / 1_000_000;
        long after = runtime.totalMemory() - runtime.freeMemory();
        System.out.printf("XlsxReport: %,d iterations x 2 columns, %,d bytes in %,d ms wall, %,d ms CPU"
                        + " (heap in use %,d -> %,d MB)%n",
                ITERATIONS, Files.size(file), millis, cpuMillis, before >> 20, after >> 20);

        // Read the Samples sheet back as a stream of XML too: loading a million rows into POI's
        // in-memory model would itself take gigabytes.
        try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) new XSSFReader(pkg).getSheetsData();
            long rows = -1;
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    if (sheets.getSheetName().equals("Samples")) {
                        rows = count(sheet, "<row ");
                    }
                }
            }
            assertThat(rows).isEqualTo(ITERATIONS + 1);
        }
    }

    private static long count(InputStream in, String needle) throws IOException {
        byte[] pattern = needle.getBytes(StandardCharsets.US_ASCII);
        byte[] buffer = new byte[1 << 16];
        long found = 0;
        int matched = 0;
        for (int n; (n = in.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                if (buffer[i] == pattern[matched]) {
                    if (++matched == pattern.length) {
                        found++;
                        matched = 0;
                    }
                } else {
                    matched = buffer[i] == pattern[0] ? 1 : 0;
                }
            }
        }
        return found;
    }
}
