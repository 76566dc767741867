package io.carlo.server.operations;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * Readiness follows the database, liveness does not: with PostgreSQL refusing connections the
 * instance leaves the load balancer (503 on readiness) but is not restarted (200 on liveness), and
 * it is ready again once the database is back.
 */
class ReadinessTest {

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readinessFailsWhileTheDatabaseIsUnreachable() throws Exception {
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.POSTGRES);
             RunningServer server = RunningServer.start(db, "--spring.datasource.hikari.connection-timeout=1000",
                     "--carlo.workers.enabled=false")) {
            String name = db.url().substring(db.url().lastIndexOf('/') + 1);
            assertThat(status(server, "readiness")).isEqualTo(200);
            try {
                admin("alter database " + name + " allow_connections false");
                admin("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + name + "'");
                awaitStatus(server, "readiness", 503);
                assertThat(status(server, "liveness")).isEqualTo(200);
            } finally {
                admin("alter database " + name + " allow_connections true");
            }
            awaitStatus(server, "readiness", 200);
        }
    }

    private static void admin(String sql) throws Exception {
        String url = System.getProperty("carlo.test.postgres", "jdbc:postgresql://127.0.0.1:5432/") + "postgres";
        try (Connection c = DriverManager.getConnection(url, System.getProperty("carlo.test.postgres.user", "postgres"), "");
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private int status(RunningServer server, String probe) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/actuator/health/" + probe))
                .timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    /** Polls the probe until it answers {@code expected}: Kubernetes polls it the same way. */
    private void awaitStatus(RunningServer server, String probe, int expected) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        int last;
        do {
            last = status(server, probe);
            if (last == expected) {
                return;
            }
            Thread.onSpinWait();
        } while (Instant.now().isBefore(deadline));
        throw new AssertionError(probe + " answered " + last + ", expected " + expected);
    }
}
