package io.carlo.server.storage;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.CarloProperties;
import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.ServerProcess;
import io.carlo.server.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/**
 * A server given recognizable secrets, with Carlo's own logging at DEBUG, and used in the ways that
 * touch them (metrics scraping with the token, sign-ups, a wrong password, a new API key), never
 * writes one of them to its output; nor do the settings records print them.
 */
class SecretsNotLoggedTest {

    static final String METRICS_TOKEN = "metrics-token-NEVER-LOG-7f3a9c";
    static final String ENCRYPTION_KEY = Base64.getEncoder().encodeToString(
            "ENC-KEY-NEVER-LOG-0123456789abcd".getBytes(StandardCharsets.US_ASCII));
    static final String WRONG_PASSWORD = "wrong-password-NEVER-LOG-51c2";

    @TempDir
    Path logs;

    @Test
    void secretsNeverReachTheLog() throws Exception {
        List<String> secrets = List.of(METRICS_TOKEN, ENCRYPTION_KEY, WRONG_PASSWORD, "correct horse battery");
        String apiKey;
        String log;
        try (TestDatabase db = TestDatabase.create(TestDatabase.Kind.H2)) {
            db.encryption("secret1:" + ENCRYPTION_KEY, "secret1");
            try (ServerProcess server = ServerProcess.start("secrets", logs, db, "--carlo.metrics.token=" + METRICS_TOKEN,
                    "--logging.level.io.carlo=DEBUG",
                    "--logging.level.org.springframework.boot.context.properties=DEBUG")) {
                server.awaitReady(Duration.ofMinutes(2));
                ApiClient api = server.client().signUp("secretive@example.com", "Secretive");
                apiKey = api.newKey("analyst").apiKey();
                assertThat(server.client().withKey(apiKey).get("/api/v1/workbooks").status()).isEqualTo(200);
                assertThat(server.client().post("/api/v1/auth/login", Map.of("email", "secretive@example.com",
                        "password", WRONG_PASSWORD)).status()).isEqualTo(401);
                assertThat(server.client().header("Authorization", "Bearer " + METRICS_TOKEN)
                        .get("/actuator/prometheus").status()).isEqualTo(200);
                server.terminate(Duration.ofMinutes(1));
                log = server.log();
            }
        }
        assertThat(log).as("the server started and logged").contains("encryption at rest");
        for (String secret : secrets) {
            assertThat(log).doesNotContain(secret);
        }
        assertThat(log).doesNotContain(apiKey);
    }

    @Test
    void settingsRecordsDoNotPrintTheirSecrets() {
        CarloProperties properties = new Binder(new MapConfigurationPropertySource(Map.of(
                "carlo.metrics.token", METRICS_TOKEN)))
                .bindOrCreate("carlo", CarloProperties.class);
        assertThat(properties.toString()).doesNotContain(METRICS_TOKEN).contains("(hidden)");
        EncryptionProperties encryption = new EncryptionProperties("k1:" + ENCRYPTION_KEY, "k1");
        assertThat(encryption.toString()).doesNotContain(ENCRYPTION_KEY).contains("k1");
        assertThat(new Keyring(EncryptionKeys.parse("k1:" + ENCRYPTION_KEY, "test"), null).toString())
                .doesNotContain(ENCRYPTION_KEY);
    }
}
