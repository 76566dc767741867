package io.carlo.server.simulations;

import io.carlo.server.testing.TestDatabase;

class JobQueueH2Test extends JobQueueTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
