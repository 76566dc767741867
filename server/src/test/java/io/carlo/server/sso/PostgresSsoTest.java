package io.carlo.server.sso;

import io.carlo.server.testing.TestDatabase;

/** Single sign-on on PostgreSQL (client secrets sealed with the configured encryption keys, as several instances need). */
class PostgresSsoTest extends SsoTest {

    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Override
    String[] serverArguments() {
        return new String[0];
    }
}
