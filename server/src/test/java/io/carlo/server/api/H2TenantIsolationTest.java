package io.carlo.server.api;

import io.carlo.server.testing.TestDatabase;

class H2TenantIsolationTest extends TenantIsolationTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
