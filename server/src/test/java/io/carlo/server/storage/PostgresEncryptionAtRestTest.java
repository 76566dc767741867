package io.carlo.server.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.boot.diagnostics.FailureAnalysis;

class PostgresEncryptionAtRestTest extends EncryptionAtRestTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Test
    void withoutKeysAPostgresServerRefusesToStartAndSaysWhatToDo() throws Exception {
        db.encryption(null, null);
        Throwable failure = null;
        try {
            RunningServer.start(db).close();
        } catch (Throwable e) {
            failure = e;
        }
        assertThat(failure).as("the server must not start").isNotNull();
        Throwable cause = failure;
        while (cause != null && !(cause instanceof EncryptionKeys.MissingKeysException)) {
            cause = cause.getCause();
        }
        assertThat(cause).isInstanceOf(EncryptionKeys.MissingKeysException.class);
        FailureAnalysis analysis = new MissingKeysFailureAnalyzer().analyze(failure);
        assertThat(analysis.getAction()).contains("CARLO_ENCRYPTION_KEYS").contains("openssl rand -base64 32");
        StringBuilder factories = new StringBuilder();
        for (var url : java.util.Collections.list(getClass().getClassLoader().getResources("META-INF/spring.factories"))) {
            try (var in = url.openStream()) {
                factories.append(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        assertThat(factories).as("registered with Spring Boot").contains(MissingKeysFailureAnalyzer.class.getName());
        Throwable badKey = org.assertj.core.api.Assertions.catchThrowable(
                () -> RunningServer.start(db.encryption("k1:not-base64!", null)));
        assertThat(badKey).hasStackTraceContaining("carlo.encryption.keys: the key 'k1' is not valid Base64");
        FailureAnalysis bad = new MissingKeysFailureAnalyzer().analyze(badKey);
        assertThat(bad.getDescription()).startsWith("The encryption keys cannot be used: carlo.encryption.keys: "
                + "the key 'k1' is not valid Base64");
        assertThat(bad.getAction()).contains("openssl rand -base64 32");
    }
}
