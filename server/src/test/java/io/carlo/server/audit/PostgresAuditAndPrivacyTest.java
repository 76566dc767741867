package io.carlo.server.audit;

import io.carlo.server.testing.TestDatabase;

class PostgresAuditAndPrivacyTest extends AuditAndPrivacyTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
