package io.carlo.server.ratelimit;

import io.carlo.server.testing.TestDatabase;

class H2RateLimitTest extends RateLimitTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
