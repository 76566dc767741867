package io.carlo.server.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import io.carlo.server.testing.ApiClient;
import io.carlo.server.testing.RunningServer;
import io.carlo.server.testing.TestDatabase;
import org.junit.jupiter.api.Test;

class PostgresRateLimitTest extends RateLimitTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Test
    void twoServersOnOneDatabaseShareEachBucket() {
        ApiClient owner = signUp("shared@example.com", newAddress());
        String key = owner.newKey("analyst").apiKey();
        try (RunningServer second = RunningServer.start(db, SETTINGS)) {
            ApiClient one = server.client().withKey(key);
            ApiClient two = second.client().withKey(key);
            for (int i = 1; i <= 3; i++) {
                assertThat(one.get("/api/v1/workbooks").status()).isEqualTo(200);
            }
            ApiClient.Response r = two.get("/api/v1/workbooks");
            assertThat(r.status()).isEqualTo(200);
            assertThat(r.header("X-RateLimit-Remaining")).as("what server 1 left").isEqualTo("1");
            assertThat(two.get("/api/v1/workbooks").status()).isEqualTo(200);
            assertThat(two.get("/api/v1/workbooks").status()).isEqualTo(429);
            assertThat(one.get("/api/v1/workbooks").status()).isEqualTo(429);
        }
    }
}
