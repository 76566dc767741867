package io.carlo.server.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start without usable encryption keys into the operator's to-do instead of a stack trace
 * (registered in META-INF/spring.factories): none under PostgreSQL, or keys written wrong.
 */
public class MissingKeysFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeys.KeysException> {

    private static final String HOW = "Generate a key (openssl rand -base64 32) and give it to every instance, e.g. "
            + "CARLO_ENCRYPTION_KEYS=key1:<the Base64 key> (and CARLO_ENCRYPTION_ACTIVEKEY=key1). Keep it in "
            + "your secret store and back it up: without it the data cannot be read. See SECURITY.md.";

    @Override
    protected FailureAnalysis analyze(Throwable root, EncryptionKeys.KeysException cause) {
        if (cause instanceof EncryptionKeys.MissingKeysException) {
            return new FailureAnalysis("Carlo encrypts workbooks and results at rest, and with PostgreSQL every "
                    + "instance must use the same keys, so it does not make one up: no encryption keys are configured.",
                    HOW, cause);
        }
        return new FailureAnalysis("The encryption keys cannot be used: " + cause.getMessage() + ".",
                "Fix the keys' setting. " + HOW, cause);
    }
}
