package io.carlo.server.storage;

import io.carlo.server.testing.TestDatabase;

class H2EncryptionAtRestTest extends EncryptionAtRestTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
