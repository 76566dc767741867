package io.carlo.server.operations;

import io.carlo.server.security.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may call {@code /api/v1/operator/**} (changing an organization's plan): the operator, with
 * the bearer token set in {@code CARLO_OPERATOR_TOKEN}. These routes act across organizations, so
 * no user's session or API key opens them, not even an owner's; without a token they are not
 * served at all.
 */
@Configuration
public class OperatorAccess {

    public static final String PATHS = "/api/v1/operator/**";

    @Bean
    @Order(2)
    SecurityFilterChain operatorRoutes(HttpSecurity http, OperatorProperties operator, ProblemResponses problems)
            throws Exception {
        return SharedTokenRoutes.chain(http, PATHS, operator.token(), new SharedTokenRoutes.Answers(
                "Operator routes are off", "set CARLO_OPERATOR_TOKEN (carlo.operator.token) to serve the operator routes",
                "send the operator token as 'Authorization: Bearer <CARLO_OPERATOR_TOKEN>'; "
                        + "a user's session or API key does not open operator routes"), problems);
    }
}
