package io.carlo.server.api;

import io.carlo.server.testing.TestDatabase;

class H2EndToEndTest extends EndToEndTest {
    @Override
    TestDatabase.Kind database() {
        return TestDatabase.Kind.H2;
    }
}
