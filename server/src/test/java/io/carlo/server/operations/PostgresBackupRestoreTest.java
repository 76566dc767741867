package io.carlo.server.operations;

import io.carlo.server.testing.TestDatabase;

class PostgresBackupRestoreTest extends BackupRestoreTest {

    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
