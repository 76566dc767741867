package io.carlo.server.billing;

import io.carlo.server.testing.TestDatabase;

class PostgresQuotaTest extends QuotaTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
