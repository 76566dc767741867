package io.carlo.server.simulations;

import io.carlo.server.testing.TestDatabase;

class H2ShardedSimulationTest extends ShardedSimulationTest {

    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
