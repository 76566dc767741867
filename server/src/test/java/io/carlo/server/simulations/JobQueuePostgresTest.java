package io.carlo.server.simulations;

import io.carlo.server.testing.TestDatabase;

class JobQueuePostgresTest extends JobQueueTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
