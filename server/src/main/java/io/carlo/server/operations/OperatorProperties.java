package io.carlo.server.operations;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The operator of this Carlo server: whoever runs it, above every organization.
 *
 * @param token the bearer token of the operator routes ({@code /api/v1/operator/**}), set in
 *              {@code CARLO_OPERATOR_TOKEN}; without one those routes are not served
 */
@ConfigurationProperties("carlo.operator")
public record OperatorProperties(String token) {

    public boolean enabled() {
        return token != null && !token.isBlank();
    }

    /** Never the token itself: settings end up in logs and error reports. */
    @Override
    public String toString() {
        return "OperatorProperties[token=" + (enabled() ? "(set)" : "(none)") + "]";
    }
}
