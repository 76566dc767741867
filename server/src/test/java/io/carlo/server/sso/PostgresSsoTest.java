package io.carlo.server.sso;

import io.carlo.server.testing.TestDatabase;

/** Single sign-on on PostgreSQL, with the secret key from the setting, as several instances need. */
class PostgresSsoTest extends SsoTest {

    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.POSTGRES;
    }

    @Override
    String[] serverArguments() {
        return new String[] {"--carlo.sso.secret-key=" + java.util.Base64.getEncoder().encodeToString(new byte[32])};
    }
}
