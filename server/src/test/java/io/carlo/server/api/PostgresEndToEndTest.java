package io.carlo.server.api;

import io.carlo.server.testing.TestDatabase;

class PostgresEndToEndTest extends EndToEndTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
