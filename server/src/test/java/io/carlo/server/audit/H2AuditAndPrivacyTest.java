package io.carlo.server.audit;

import io.carlo.server.testing.TestDatabase;

class H2AuditAndPrivacyTest extends AuditAndPrivacyTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
