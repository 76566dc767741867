package io.carlo.server.sso;

import io.carlo.server.testing.TestDatabase;

/** Single sign-on on the embedded database (client secrets sealed with the keys generated in the data directory). */
class H2SsoTest extends SsoTest {

    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }

    @Override
    String[] serverArguments() {
        return new String[0];
    }
}
