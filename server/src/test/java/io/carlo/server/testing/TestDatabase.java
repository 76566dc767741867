package io.carlo.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Locale;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A database of its own for one test class: an embedded H2 in a temporary directory, or a fresh
 * database on the PostgreSQL server at 127.0.0.1:5432 ({@code -Dcarlo.test.postgres=jdbc:postgresql://host:port/}
 * to use another; user {@code -Dcarlo.test.postgres.user}, default postgres). Dropped afterwards.
 */
public abstract class TestDatabase implements AutoCloseable {

    public enum Kind { H2, POSTGRES }

    public abstract Kind kind();

    public abstract String url();

    public abstract String user();

    /** The data directory the server should use (files of the file store, the H2 database). */
    public abstract Path dataDirectory();

    public Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), user(), "");
    }

    /**
     * The fixed encryption key every PostgreSQL test server gets (a PostgreSQL server refuses to
     * start without keys); H2 servers make their own key file in the data directory.
     */
    public static final String POSTGRES_TEST_KEYS = "test1:VGhpcyBpcyB0aGUgdGVzdCBrZXkgb2YgQ2FybG8hISE=";

    private String encryptionKeys;
    private String activeKey;
    private boolean keysSet;

    /**
     * The encryption settings of servers started from now on ({@code null} keys: none, as an
     * operator who set none); otherwise the default above.
     */
    public TestDatabase encryption(String keys, String active) {
        this.encryptionKeys = keys;
        this.activeKey = active;
        this.keysSet = true;
        return this;
    }

    /** Server arguments that point a Carlo server at this database. */
    public String[] serverArguments() {
        java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--carlo.data=" + dataDirectory(),
                "--spring.datasource.url=" + url(), "--spring.datasource.username=" + user(),
                "--spring.datasource.password="));
        String keys = keysSet ? encryptionKeys : kind() == Kind.POSTGRES ? POSTGRES_TEST_KEYS : null;
        if (keys != null) {
            args.add("--carlo.encryption.keys=" + keys);
        }
        if (keysSet && activeKey != null) {
            args.add("--carlo.encryption.active-key=" + activeKey);
        }
        return args.toArray(String[]::new);
    }

    public static TestDatabase create(Kind kind) {
        try {
            return kind == Kind.H2 ? new H2() : new Postgres();
        } catch (IOException | SQLException e) {
            throw new IllegalStateException("cannot create a test database (" + kind + "): " + e.getMessage()
                    + (kind == Kind.POSTGRES ? "; is PostgreSQL running on 127.0.0.1:5432? (.ci/run starts it)" : ""), e);
        }
    }

    static void deleteTree(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a leftover temporary directory is harmless
        }
    }

    private static final class H2 extends TestDatabase {
        private final Path dir;

        H2() throws IOException {
            dir = Files.createTempDirectory("carlo-h2-");
        }

        @Override
        public Kind kind() {
            return Kind.H2;
        }

        @Override
        public String url() {
            return "jdbc:h2:file:" + dir.resolve("db/carlo") + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;"
                    + "DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=TRUE";
        }

        @Override
        public String user() {
            return "carlo";
        }

        @Override
        public Path dataDirectory() {
            return dir;
        }

        @Override
        public void close() {
            deleteTree(dir);
        }
    }

    private static final class Postgres extends TestDatabase {
        private static final String SERVER = System.getProperty("carlo.test.postgres", "jdbc:postgresql://127.0.0.1:5432/");
        private static final String USER = System.getProperty("carlo.test.postgres.user", "postgres");
        private final String name = "carlo_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16)
                .toLowerCase(Locale.ROOT);
        private final Path dir;

        Postgres() throws SQLException, IOException {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
                 Statement s = c.createStatement()) {
                s.execute("create database " + name);
            }
            dir = Files.createTempDirectory("carlo-pg-");
        }

        @Override
        public Kind kind() {
            return Kind.POSTGRES;
        }

        @Override
        public String url() {
            return SERVER + name;
        }

        @Override
        public String user() {
            return USER;
        }

        @Override
        public Path dataDirectory() {
            return dir;
        }

        @Override
        public void close() throws SQLException {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", USER, "");
                 Statement s = c.createStatement()) {
                s.execute("drop database if exists " + name + " with (force)");
            } finally {
                deleteTree(dir);
            }
        }
    }
}
