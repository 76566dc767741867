package io.carlo.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carlo.engine.testing.HostileFiles;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import io.carlo.server.workbooks.WorkbookRecord;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Encryption at rest, checked where an attacker with the disk or a database dump would look: the
 * tables (read over JDBC) and the data directory hold no workbook bytes, no cell text and no
 * plaintext summary, while everything still round-trips through the API; data under a rotated-out
 * key is re-encrypted at the next start; a changed blob fails to read instead of giving other
 * bytes; data from before encryption still reads.
 */
abstract class EncryptionAtRestTest {

    static final String KEY_A = "keyA:" + Base64.getEncoder().encodeToString(
            "key A of the encryption tests!!!".getBytes(StandardCharsets.US_ASCII));
    static final String KEY_B = "keyB:" + Base64.getEncoder().encodeToString(
            "key B of the encryption tests!!!".getBytes(StandardCharsets.US_ASCII));
    /** Text in a cell of the uploaded workbook, and its sheet's name: neither may be found at rest. */
    static final String CELL_TEXT = "Confidential-Margin-" + UUID.randomUUID().toString().substring(0, 8);
    static final String SHEET = "Secret Plans";
    static final byte[] ZIP_HEADER = {'P', 'K', 3, 4};

    TestDatabase db;

    abstract TestDatabase.Kind database();

    @BeforeEach
    void create() {
        db = TestDatabase.create(database());
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    /** A workbook, its simulation's id, and what the API answered for both, to compare later. */
    record Stored(String workbookId, String simulationId, byte[] file, String workbook, String results,
                  String samples) {
    }

    @Test
    void nothingReadableIsAtRestAndEverythingRoundTrips() throws Exception {
        Stored stored;
        try (RunningServer server = RunningServer.start(db)) {
            ApiClient api = server.client().signUp("owner@example.com", "Owner").newKey("analyst");
            stored = store(api);
            assertThat(api.get("/api/v1/workbooks/" + stored.workbookId() + "/file").bytes()).isEqualTo(stored.file());
            assertThat(stored.workbook()).contains(SHEET);
            assertThat(stored.results()).contains("\"outputs\"");
        }
        assertNothingReadableAtRest();
        if (db.kind() == TestDatabase.Kind.H2) {
            Path keys = db.dataDirectory().resolve(EncryptionKeys.FILE_NAME);
            assertThat(keys).isRegularFile();
            assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(keys)))
                    .isEqualTo("rw-------");
        }
        // a second start reuses the same keys (the key file, or the settings) and reads it all back
        try (RunningServer server = RunningServer.start(db)) {
            ApiClient api = server.client();
            assertThat(api.post("/api/v1/auth/login", Map.of("email", "owner@example.com",
                    "password", "correct horse battery")).status()).isEqualTo(200);
            api.get("/api/v1/me");
            assertSame(api, stored);
        }
    }

    @Test
    void dataUnderAnOldKeyIsReadAndReEncryptedUnderTheNewOne() throws Exception {
        db.encryption(KEY_A, "keyA");
        Stored stored;
        String key;
        String blob;
        try (RunningServer server = RunningServer.start(db)) {
            ApiClient api = server.client().signUp("rotator@example.com", "Rotator").newKey("analyst");
            key = api.apiKey();
            stored = store(api);
            blob = blobOf(server, stored.workbookId());
            assertThat(server.bean(EncryptedBlobStore.class).keyIdOf(blob)).isEqualTo("keyA");
        }
        assertThat(columns()).allSatisfy(v -> assertThat(v).startsWith("enc:1:keyA:"));

        db.encryption(KEY_A + "," + KEY_B, "keyB");
        try (RunningServer server = RunningServer.start(db)) {
            KeyRotation.Outcome outcome = server.bean(KeyRotation.class).done().get(2, TimeUnit.MINUTES);
            assertThat(outcome.blobs()).as("the workbook and the samples").isEqualTo(2);
            assertThat(outcome.fields()).as("workbook summary, result summary, manifest").isEqualTo(3);
            assertThat(outcome.failures()).isZero();
            assertThat(server.bean(EncryptedBlobStore.class).keyIdOf(blob)).isEqualTo("keyB");
            assertThat(server.bean(KeyRotation.class).runOnce()).as("a second pass has nothing left to do")
                    .isEqualTo(new KeyRotation.Outcome(0, 0, 0));
        }
        assertThat(columns()).allSatisfy(v -> assertThat(v).startsWith("enc:1:keyB:"));
        assertNothingReadableAtRest();

        // key A is gone from the settings: everything still reads, because everything moved to B
        db.encryption(KEY_B, null);
        try (RunningServer server = RunningServer.start(db)) {
            assertSame(server.client().withKey(key), stored);
        }
    }

    @Test
    void aChangedBlobFailsToReadInsteadOfGivingOtherBytes() throws Exception {
        try (RunningServer server = RunningServer.start(db)) {
            ApiClient api = server.client().signUp("victim@example.com", "Victim").newKey("analyst");
            String id = api.upload("/api/v1/workbooks", "model.xlsx", workbook()).json().path("id").asString();
            String blob = blobOf(server, id);
            byte[] raw = rawBlob(blob);
            raw[raw.length / 2] ^= 0x01;
            writeRawBlob(blob, raw);
            BlobStore store = server.bean(BlobStore.class);
            assertThatThrownBy(() -> {
                try (InputStream in = store.read(blob)) {
                    in.readAllBytes();
                }
            }).isInstanceOf(Envelope.IntegrityException.class).hasMessageContaining("fails its integrity check");
            // through the API: a clear problem, never the damaged bytes
            ApiClient.Response download = api.get("/api/v1/workbooks/" + id + "/file");
            assertThat(download.status()).isEqualTo(500);
            assertThat(download.json().path("title").asString()).isEqualTo("Stored data damaged");
            assertThat(download.json().path("detail").asString()).contains("fails its integrity check");

            // cut short after a whole segment: the end of a blob is authenticated too
            String other = api.upload("/api/v1/workbooks", "model.xlsx", largeWorkbook()).json().path("id")
                    .asString();
            String otherBlob = blobOf(server, other);
            byte[] whole = rawBlob(otherBlob);
            assertThat(whole.length).as("more than one segment").isGreaterThan(Envelope.SEGMENT + 100);
            int header = Envelope.MAGIC.length + 2 + whole[5] + Envelope.PREFIX;
            int firstSegment = header + Envelope.SEGMENT + Envelope.TAG;
            writeRawBlob(otherBlob, java.util.Arrays.copyOf(whole, firstSegment));
            assertThatThrownBy(() -> {
                try (InputStream in = store.read(otherBlob)) {
                    in.readAllBytes();
                }
            }).isInstanceOf(Envelope.IntegrityException.class);
        }
    }

    @Test
    void dataStoredBeforeEncryptionStillReadsAndIsEncryptedAtTheNextPass() throws Exception {
        try (RunningServer server = RunningServer.start(db)) {
            server.bean(KeyRotation.class).done().get(2, TimeUnit.MINUTES); // the start's own pass is over
            ApiClient api = server.client().signUp("legacy@example.com", "Legacy").newKey("analyst");
            byte[] file = workbook();
            String id = api.upload("/api/v1/workbooks", "model.xlsx", file).json().path("id").asString();
            String blob = blobOf(server, id);
            String summary = ApiClient.JSON.writeValueAsString(api.get("/api/v1/workbooks/" + id).json()
                    .path("summary"));
            // as an older version stored them: the file as uploaded, the summary as plain JSON
            writeRawBlob(blob, file);
            try (Connection c = db.connect();
                 PreparedStatement s = c.prepareStatement("update workbooks set summary = ? where id = ?")) {
                s.setString(1, summary);
                s.setObject(2, UUID.fromString(id));
                assertThat(s.executeUpdate()).isEqualTo(1);
            }
            assertThat(api.get("/api/v1/workbooks/" + id + "/file").bytes()).isEqualTo(file);
            assertThat(api.get("/api/v1/workbooks/" + id).json().path("summary").path("sheets").get(0).path("name")
                    .asString()).isEqualTo(SHEET);

            KeyRotation.Outcome outcome = server.bean(KeyRotation.class).runOnce();
            assertThat(outcome.blobs()).isEqualTo(1);
            assertThat(outcome.fields()).isEqualTo(1);
            assertThat(server.bean(EncryptedBlobStore.class).keyIdOf(blob)).isNotNull();
            assertThat(api.get("/api/v1/workbooks/" + id + "/file").bytes()).isEqualTo(file);
        }
        assertNothingReadableAtRest();
    }

    /** Uploads the workbook, runs a simulation of it, and keeps what the API answers. */
    static Stored store(ApiClient api) {
        byte[] file = workbook();
        ApiClient.Response upload = api.upload("/api/v1/workbooks", "model.xlsx", file);
        assertThat(upload.status()).as(upload.body()).isEqualTo(201);
        String workbookId = upload.json().path("id").asString();
        ApiClient.Response started = api.post("/api/v1/simulations", Map.of("workbookId", workbookId,
                "iterations", 2_000, "seed", 7,
                "inputs", List.of(Map.of("cell", "B1", "distribution", "Normal(100,10)")),
                "outputs", List.of(Map.of("cell", "B2"))));
        assertThat(started.status()).as(started.body()).isEqualTo(201);
        String simulationId = started.json().path("id").asString();
        assertThat(api.events("/api/v1/simulations/" + simulationId + "/events", Duration.ofMinutes(2)).getLast()
                .path("state").asString()).isEqualTo("completed");
        return new Stored(workbookId, simulationId, file, api.get("/api/v1/workbooks/" + workbookId).body(),
                api.get("/api/v1/simulations/" + simulationId + "/results").body(),
                api.get("/api/v1/simulations/" + simulationId + "/samples.csv").body());
    }

    static void assertSame(ApiClient api, Stored stored) {
        assertThat(api.get("/api/v1/workbooks/" + stored.workbookId() + "/file").bytes()).isEqualTo(stored.file());
        assertThat(api.get("/api/v1/workbooks/" + stored.workbookId()).body()).isEqualTo(stored.workbook());
        assertThat(api.get("/api/v1/simulations/" + stored.simulationId() + "/results").body())
                .isEqualTo(stored.results());
        assertThat(api.get("/api/v1/simulations/" + stored.simulationId() + "/samples.csv").body())
                .isEqualTo(stored.samples());
    }

    /** A model with text in a cell and a sheet name to look for: B2 = B1 * 2. */
    static byte[] workbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet(SHEET);
            var first = sheet.createRow(0);
            first.createCell(0).setCellValue(CELL_TEXT);
            first.createCell(1).setCellValue(100);
            sheet.createRow(1).createCell(1).setCellFormula("B1*2");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    /** A workbook of a few hundred kilobytes, stored in several segments. */
    static byte[] largeWorkbook() {
        try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            var sheet = wb.createSheet("Big");
            java.util.Random random = new java.util.Random(1);
            for (int r = 0; r < 4000; r++) {
                var row = sheet.createRow(r);
                for (int c = 0; c < 5; c++) {
                    row.createCell(c).setCellValue(random.nextDouble());
                }
            }
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static String blobOf(RunningServer server, String workbookId) throws Exception {
        try (Connection c = server.bean(javax.sql.DataSource.class).getConnection();
             PreparedStatement s = c.prepareStatement("select organization_id from workbooks where id = ?")) {
            s.setObject(1, UUID.fromString(workbookId));
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return WorkbookRecord.blobId(rs.getObject(1, UUID.class), UUID.fromString(workbookId));
            }
        }
    }

    /** The encrypted text columns, as stored. */
    List<String> columns() throws Exception {
        List<String> values = new ArrayList<>();
        try (Connection c = db.connect(); var s = c.createStatement()) {
            for (String q : List.of("select summary from workbooks", "select summary from simulation_results",
                    "select manifest from simulation_results")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        values.add(rs.getString(1));
                    }
                }
            }
        }
        assertThat(values).isNotEmpty();
        return values;
    }

    /**
     * The database (every text and binary column of the tables that hold customer content) and
     * every file of the data directory hold no zip header, no cell text and no sheet name.
     */
    void assertNothingReadableAtRest() throws Exception {
        List<byte[]> atRest = new ArrayList<>();
        try (Connection c = db.connect(); var s = c.createStatement()) {
            for (String q : List.of("select content from blobs", "select summary from workbooks",
                    "select summary, manifest from simulation_results")) {
                try (ResultSet rs = s.executeQuery(q)) {
                    while (rs.next()) {
                        for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                            atRest.add(rs.getBytes(i));
                        }
                    }
                }
            }
        }
        for (String column : columns()) {
            assertThat(column).startsWith("enc:1:").doesNotContain(SHEET).doesNotContain("\"sheets\"")
                    .doesNotContain("\"outputs\"");
        }
        if (db.kind() == TestDatabase.Kind.POSTGRES) {
            assertThat(atRest.size()).as("a blob and a summary at least").isGreaterThanOrEqualTo(2);
        }
        Path files = db.dataDirectory().resolve("files");
        if (Files.exists(files)) {
            try (var paths = Files.walk(files)) {
                for (Path p : paths.filter(Files::isRegularFile).toList()) {
                    atRest.add(Files.readAllBytes(p));
                }
            }
        }
        for (byte[] bytes : atRest) {
            assertThat(indexOf(bytes, ZIP_HEADER)).as("a zip header at rest").isEqualTo(-1);
            assertThat(indexOf(bytes, SHEET.getBytes(StandardCharsets.UTF_8))).as("the sheet name at rest").isEqualTo(-1);
            assertThat(indexOf(bytes, CELL_TEXT.getBytes(StandardCharsets.UTF_8))).as("cell text at rest").isEqualTo(-1);
        }
        assertThat(atRest).isNotEmpty();
    }

    byte[] rawBlob(String id) throws Exception {
        if (db.kind() == TestDatabase.Kind.H2) {
            return Files.readAllBytes(db.dataDirectory().resolve("files").resolve(id));
        }
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("select content from blobs where id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                assertThat(rs.next()).isTrue();
                return rs.getBytes(1);
            }
        }
    }

    void writeRawBlob(String id, byte[] content) throws Exception {
        if (db.kind() == TestDatabase.Kind.H2) {
            Files.write(db.dataDirectory().resolve("files").resolve(id), content);
            return;
        }
        try (Connection c = db.connect();
             PreparedStatement s = c.prepareStatement("update blobs set content = ? where id = ?")) {
            s.setBytes(1, content);
            s.setString(2, id);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }

    static int indexOf(byte[] haystack, byte[] needle) {
        if (haystack == null) {
            return -1;
        }
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
