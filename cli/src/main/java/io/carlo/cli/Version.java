package io.carlo.cli;

import picocli.CommandLine;

/** Reports the version from the jar manifest (or "development" when run from classes). */
final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"carlo " + number()};
    }

    static String number() {
        String v = Carlo.class.getPackage().getImplementationVersion();
        return v == null ? "development" : v;
    }
}
