package io.carlo.server.api;

import io.carlo.server.testing.TestDatabase;

class PostgresTenantIsolationTest extends TenantIsolationTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
