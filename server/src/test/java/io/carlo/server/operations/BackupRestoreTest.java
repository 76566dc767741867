package io.carlo.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.engine.testing.TestWorkbooks;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * scripts/backup and scripts/restore, run as an operator runs them: fill an installation, back it
 * up, destroy it, restore it, and find every workbook, simulation and result as it was, byte for
 * byte. On the embedded database (server stopped) and on PostgreSQL (backup while it runs).
 */
abstract class BackupRestoreTest {

    private TestDatabase db;
    @TempDir
    Path tmp;

    abstract TestDatabase.Kind database();

    @BeforeEach
    void create() {
        db = TestDatabase.create(database());
    }

    @AfterEach
    void drop() throws Exception {
        db.close();
    }

    /** What a user sees of their data, in the API's own words and bytes. */
    record Snapshot(String workbooks, String workbook, byte[] file, String simulations, String results, String samples) {

        static Snapshot of(ApiClient api, String workbookId, String simulationId) {
            return new Snapshot(api.get("/api/v1/workbooks").body(), api.get("/api/v1/workbooks/" + workbookId).body(),
                    api.get("/api/v1/workbooks/" + workbookId + "/file").bytes(), api.get("/api/v1/simulations").body(),
                    api.get("/api/v1/simulations/" + simulationId + "/results").body(),
                    api.get("/api/v1/simulations/" + simulationId + "/samples.csv").body());
        }

        void assertSameAs(Snapshot other) {
            assertThat(workbooks).isEqualTo(other.workbooks);
            assertThat(workbook).isEqualTo(other.workbook);
            assertThat(file).isEqualTo(other.file);
            assertThat(simulations).isEqualTo(other.simulations);
            assertThat(results).isEqualTo(other.results);
            assertThat(samples).isEqualTo(other.samples);
        }
    }

    @Test
    void backupDestroyRestoreFindsEverything() throws Exception {
        Path archive = tmp.resolve("carlo-backup.tar.gz");
        String key;
        String workbookId;
        String simulationId;
        Snapshot before;
        try (RunningServer server = RunningServer.start(db)) {
            ApiClient api = server.client().signUp("keeper@example.com", "Keeper").newKey("analyst");
            key = api.apiKey();
            workbookId = api.upload("/api/v1/workbooks", TestWorkbooks.shared("project-costs.xlsx")).json().path("id")
                    .asString();
            simulationId = api.post("/api/v1/simulations", Map.of("workbookId", workbookId, "iterations", 5_000,
                    "seed", 11, "inputs", List.of(Map.of("cell", "B5", "distribution", "Triangular(400,500,700)")),
                    "outputs", List.of(Map.of("cell", "B17")))).json().path("id").asString();
            assertThat(api.events("/api/v1/simulations/" + simulationId + "/events", Duration.ofMinutes(2)).getLast()
                    .path("state").asString()).isEqualTo("completed");
            before = Snapshot.of(api, workbookId, simulationId);
            assertThat(before.results()).contains("\"outputs\"");
            if (db.kind() == TestDatabase.Kind.H2) {
                Script refused = run("backup", "--data", db.dataDirectory().toString(), archive.toString());
                assertThat(refused.exitCode()).as(refused.output()).isNotZero();
                assertThat(refused.output()).contains("stop 'carlo serve' first");
            } else {
                Script online = run("backup", "--data", db.dataDirectory().toString(), archive.toString());
                assertThat(online.exitCode()).as(online.output()).isZero();
            }
        }
        if (db.kind() == TestDatabase.Kind.H2) {
            Script offline = run("backup", "--data", db.dataDirectory().toString(), archive.toString());
            assertThat(offline.exitCode()).as(offline.output()).isZero();
        }
        assertThat(archive).isRegularFile();

        destroy();
        Script restored = run("restore", "--data", db.dataDirectory().toString(), archive.toString());
        assertThat(restored.exitCode()).as(restored.output()).isZero();
        Script again = run("restore", "--data", db.dataDirectory().toString(), archive.toString());
        assertThat(again.exitCode()).as("a restore over existing data needs --force").isNotZero();
        assertThat(again.output()).contains("--force");

        try (RunningServer server = RunningServer.start(db)) {
            ApiClient api = server.client().withKey(key);
            Snapshot.of(api, workbookId, simulationId).assertSameAs(before);
            ApiClient browser = server.client();
            assertThat(browser.post("/api/v1/auth/login", Map.of("email", "keeper@example.com",
                    "password", "correct horse battery")).status()).isEqualTo(200);
        }
    }

    @Test
    void aFileThatIsNotABackupIsRefusedClearly() throws Exception {
        Path notABackup = Files.writeString(tmp.resolve("notes.tar.gz"), "hello");
        Script refused = run("restore", "--data", db.dataDirectory().toString(), notABackup.toString());
        assertThat(refused.exitCode()).isNotZero();
        assertThat(refused.output()).contains("is not a Carlo backup");
    }

    /** Everything is gone: the database's tables, the file store and (embedded) the key files. */
    private void destroy() throws Exception {
        if (db.kind() == TestDatabase.Kind.H2) {
            deleteTree(db.dataDirectory().resolve("db"));
            Files.deleteIfExists(db.dataDirectory().resolve("encryption.keys"));
        } else {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("drop schema public cascade");
                s.execute("create schema public");
            }
        }
        deleteTree(db.dataDirectory().resolve("files"));
        assertThat(db.dataDirectory().resolve("files")).doesNotExist();
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (var paths = Files.walk(dir)) {
                for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    record Script(int exitCode, String output) {
    }

    private Script run(String script, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("bash", MonitoringTest.repository().resolve("scripts/" + script)
                .toString()));
        command.addAll(Arrays.asList(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        pb.environment().remove("CARLO_DB_URL");
        pb.environment().put("CARLO_H2_JAR", h2Jar());
        if (db.kind() == TestDatabase.Kind.POSTGRES) {
            pb.environment().put("CARLO_DB_URL", db.url());
            pb.environment().put("CARLO_DB_USER", db.user());
        }
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Script(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    }

    private static String h2Jar() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(p -> p.matches(".*h2-[0-9.]+\\.jar")).findFirst()
                .orElseThrow(() -> new IllegalStateException("the H2 jar is not on the test class path"));
    }
}
