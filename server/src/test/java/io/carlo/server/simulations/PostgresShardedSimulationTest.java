package io.carlo.server.simulations;

import io.carlo.server.testing.TestDatabase;

class PostgresShardedSimulationTest extends ShardedSimulationTest {

    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }
}
