package io.carlo.server.storage;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Turns a start without encryption keys under PostgreSQL into the operator's to-do instead of a
 * stack trace (registered in META-INF/spring.factories).
 */
public class MissingKeysFailureAnalyzer extends AbstractFailureAnalyzer<EncryptionKeys.MissingKeysException> {

    @Override
    protected FailureAnalysis analyze(Throwable root, EncryptionKeys.MissingKeysException cause) {
        return new FailureAnalysis("Carlo encrypts workbooks and results at rest, and with PostgreSQL every instance "
                + "must use the same keys, so it does not make one up: no encryption keys are configured.",
                "Generate a key (openssl rand -base64 32) and give it to every instance, e.g. "
                        + "CARLO_ENCRYPTION_KEYS=key1:<the Base64 key> (and CARLO_ENCRYPTION_ACTIVEKEY=key1). Keep it in "
                        + "your secret store and back it up: without it the data cannot be read. See SECURITY.md.",
                cause);
    }
}
