package io.carlo.server.workbooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.HostileFiles;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * Uploads are untrusted input. Through a real port, each kind of hostile or wrong file gets a
 * clear problem+json answer (413, 415 or 422) that leaks nothing, and a normal workbook still
 * uploads. The server runs with small limits so that each is reached with a small fixture.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UploadHardeningTest {

    static final int MAX_CELLS = 200;
    static final int MAX_FORMULAS = 20;

    private TestDatabase db;
    private RunningServer server;
    private ApiClient api;

    @BeforeAll
    void start() {
        db = TestDatabase.create(TestDatabase.Kind.H2);
        server = RunningServer.start(db, "--carlo.uploads.max-size=5MB", "--carlo.uploads.max-entry-size=50MB",
                "--carlo.uploads.max-cells=" + MAX_CELLS, "--carlo.uploads.max-formulas=" + MAX_FORMULAS,
                "--carlo.rate-limits.enabled=false");
        api = server.client().signUp("uploader@example.com", "Uploader").newKey("analyst");
    }

    @AfterAll
    void stop() throws Exception {
        if (server != null) {
            server.close();
        }
        if (db != null) {
            db.close();
        }
    }

    @Test
    void aNormalWorkbookStillUploadsWithoutWarnings() {
        ApiClient.Response r = api.upload("/api/v1/workbooks", "model.xlsx", grid(5, 4, 3));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode summary = r.json().path("summary");
        assertThat(summary.path("sheets").get(0).path("cells").asInt()).isEqualTo(20);
        assertThat(summary.path("hasMacros").asBoolean()).isFalse();
        assertThat(summary.path("warnings").isEmpty()).isTrue();
        String id = r.json().path("id").asString();
        assertThat(api.get("/api/v1/workbooks/" + id + "/sheets/0/cells?range=A1:D5").status())
                .as("the cache reads it again through the parser").isEqualTo(200);
    }

    @Test
    void aMacroWorkbookUploadsWithAWarningThatItsMacrosNeverRun() {
        ApiClient.Response r = api.upload("/api/v1/workbooks", "model.xlsm", withMacros(grid(3, 3, 1)));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode summary = r.json().path("summary");
        assertThat(summary.path("hasMacros").asBoolean()).isTrue();
        assertThat(summary.path("warnings").get(0).asString()).contains("macros (VBA)").contains("never runs them");
        String id = r.json().path("id").asString();
        assertThat(api.get("/api/v1/workbooks/" + id).json().path("summary").path("warnings").get(0).asString())
                .contains("macros (VBA)");
    }

    @Test
    void anUploadOverTheLimitIsRefusedFromItsDeclaredLengthWithout413BeingLost() throws Exception {
        long length = 200L * 1024 * 1024;
        byte[] chunk = new byte[1024 * 1024];
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/workbooks"))
                .header("Authorization", "Bearer " + api.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=x")
                .POST(HttpRequest.BodyPublishers.fromPublisher(
                        HttpRequest.BodyPublishers.ofByteArrays(Collections.nCopies(200, chunk)), length))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(r.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
                .startsWith("application/problem+json"));
        JsonNode problem = ApiClient.JSON.readTree(r.body());
        assertThat(problem.path("detail").asString()).isEqualTo("the request is 200 MB; the upload limit is 5.0 MB");
    }

    @Test
    void aChunkedUploadOverTheLimitIsCutOffWith413() throws Exception {
        byte[] big = new byte[8 * 1024 * 1024];
        String boundary = "carlo-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.xlsx\""
                + "\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/workbooks"))
                .header("Authorization", "Bearer " + api.apiKey())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.SequenceInputStream(
                        Collections.enumeration(List.of(new ByteArrayInputStream(head), new ByteArrayInputStream(big),
                                new ByteArrayInputStream(tail))))))
                .build();
        HttpResponse<String> r = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).as(r.body()).isEqualTo(413);
        assertThat(ApiClient.JSON.readTree(r.body()).path("detail").asString()).contains("upload limit");
    }

    @Test
    void filesThatAreNotWorkbooksAreRefusedAs415ByTheirBytesWhateverTheirName() {
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H', 'D', 'R'};
        byte[] pdf = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("PNG image", png);
        files.put("PDF document", pdf);
        files.put("text file", HostileFiles.notAWorkbook());
        files.put("", zip(Map.of("readme.txt", "hello")));
        files.put(".xlsb", xlsb());
        for (var file : files.entrySet()) {
            ApiClient.Response r = api.upload("/api/v1/workbooks", "model.xlsx", file.getValue());
            assertThat(r.status()).as(r.body()).isEqualTo(415);
            assertThat(r.contentType()).isEqualTo("application/problem+json");
            assertThat(r.json().path("detail").asString()).contains("not an Excel workbook (.xlsx/.xlsm)")
                    .contains(file.getKey());
        }
    }

    @Test
    void aLegacyXlsIsRefusedWithSaveAsXlsx() {
        ApiClient.Response r = api.upload("/api/v1/workbooks", "old.xls", legacyXls());
        assertThat(r.status()).as(r.body()).isEqualTo(415);
        assertThat(r.json().path("detail").asString()).contains("legacy").contains("save as .xlsx");
    }

    @Test
    void aPasswordProtectedWorkbookIsRefusedWithRemoveThePassword() {
        ApiClient.Response r = api.upload("/api/v1/workbooks", "locked.xlsx", HostileFiles.passwordProtected());
        assertThat(r.status()).as(r.body()).isEqualTo(415);
        assertThat(r.json().path("detail").asString()).contains("password").contains("remove the password");
    }

    @Test
    void aZipBombIsRefusedFromItsDirectoryWith422() {
        ApiClient.Response r = api.upload("/api/v1/workbooks", "bomb.xlsx", HostileFiles.zipBomb(20));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.contentType()).isEqualTo("application/problem+json");
        assertThat(r.json().path("detail").asString()).startsWith("refused as a zip bomb");
    }

    @Test
    void aPartExpandingBeyondTheEntryLimitIsRefused() {
        // 60 MB of spaces: over the 50 MB entry limit, whatever its ratio
        ApiClient.Response r = api.upload("/api/v1/workbooks", "bomb.xlsx", HostileFiles.zipBomb(60));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("detail").asString()).contains("zip bomb").contains("over the limit of 50 MB");
    }

    @Test
    void anXxeWorkbookIsRefusedAndNothingOfTheTargetFileLeaks() throws IOException {
        Path secret = Files.writeString(Files.createTempDirectory("xxe").resolve("secret.txt"),
                "TOP-SECRET-" + UUID.randomUUID());
        byte[] attack = rewrite(HostileFiles.validXlsx(), "xl/workbook.xml", xml -> xml.replaceFirst(
                "(<\\?xml[^>]*\\?>)", "$1<!DOCTYPE workbook [<!ENTITY x SYSTEM \"" + secret.toUri() + "\">]>"));
        for (byte[] file : List.of(attack, HostileFiles.xxe())) {
            ApiClient.Response r = api.upload("/api/v1/workbooks", "xxe.xlsx", file);
            assertThat(r.status()).as(r.body()).isEqualTo(422);
            assertThat(r.json().path("detail").asString()).startsWith("refused: XML document type declarations");
            assertThat(r.body()).doesNotContain("TOP-SECRET").doesNotContain("root:").doesNotContain("Exception")
                    .doesNotContain(secret.toString());
        }
    }

    @Test
    void aWorkbookOverTheCellCeilingIsRefusedNamingTheCountAndTheLimit() {
        ApiClient.Response r = api.upload("/api/v1/workbooks", "big.xlsx", grid(30, 10, 0));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("detail").asString()).isEqualTo("the workbook has 300 cells; the limit is 200");
    }

    @Test
    void aWorkbookOverTheFormulaCeilingIsRefusedNamingTheCountAndTheLimit() {
        ApiClient.Response r = api.upload("/api/v1/workbooks", "busy.xlsx", grid(10, 4, 25));
        assertThat(r.status()).as(r.body()).isEqualTo(422);
        assertThat(r.json().path("detail").asString()).isEqualTo("the workbook has 25 formula cells; the limit is 20");
    }

    @Test
    void nothingRefusedIsKept() {
        int before = api.get("/api/v1/workbooks").json().size();
        api.upload("/api/v1/workbooks", "bomb.xlsx", HostileFiles.zipBomb(20));
        api.upload("/api/v1/workbooks", "big.xlsx", grid(30, 10, 0));
        assertThat(api.get("/api/v1/workbooks").json().size()).isEqualTo(before);
    }

    /** A sheet of {@code rows} x {@code cols} numbers, the first {@code formulas} cells of column A+cols formulas. */
    static byte[] grid(int rows, int cols, int formulas) {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Model");
            int written = 0;
            for (int r = 0; r < rows; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < cols; c++) {
                    if (written < formulas) {
                        row.createCell(c).setCellFormula("1+" + written++);
                    } else {
                        row.createCell(c).setCellValue(r * cols + c);
                    }
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The workbook as Excel saves it with a VBA project (.xlsm): a vbaProject.bin part. */
    static byte[] withMacros(byte[] xlsx) {
        byte[] withPart = rewrite(xlsx, "[Content_Types].xml", xml -> xml.replaceFirst("(<Types[^>]*>)",
                "$1<Default Extension=\"bin\" ContentType=\"application/vnd.ms-office.vbaProject\"/>"));
        return addEntry(withPart, "xl/vbaProject.bin", new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 1, 2});
    }

    static byte[] legacyXls() {
        try (HSSFWorkbook wb = new HSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Old").createRow(0).createCell(0).setCellValue(1);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An Office package whose workbook part is binary, as Excel saves .xlsb. */
    static byte[] xlsb() {
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/"
                + "package/2006/content-types\"/>");
        parts.put("xl/workbook.bin", "binary");
        return zip(parts);
    }

    static byte[] zip(Map<String, String> parts) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (var part : parts.entrySet()) {
                out.putNextEntry(new ZipEntry(part.getKey()));
                out.write(part.getValue().getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] rewrite(byte[] xlsx, String part, UnaryOperator<String> change) {
        return copy(xlsx, part, change, null, null);
    }

    static byte[] addEntry(byte[] xlsx, String name, byte[] content) {
        return copy(xlsx, null, null, name, content);
    }

    private static byte[] copy(byte[] xlsx, String part, UnaryOperator<String> change, String extra, byte[] content) {
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(xlsx));
             ByteArrayOutputStream bytes = new ByteArrayOutputStream();
             ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                byte[] data = in.readAllBytes();
                if (e.getName().equals(part)) {
                    data = change.apply(new String(data, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(data);
                out.closeEntry();
            }
            if (extra != null) {
                out.putNextEntry(new ZipEntry(extra));
                out.write(content);
                out.closeEntry();
            }
            out.finish();
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
