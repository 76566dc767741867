package io.carlo.server.billing;

import io.carlo.server.testing.TestDatabase;

class H2QuotaTest extends QuotaTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
