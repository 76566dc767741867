package io.carlo.server.operations;

import io.carlo.server.testing.TestDatabase;

class H2BackupRestoreTest extends BackupRestoreTest {

    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
