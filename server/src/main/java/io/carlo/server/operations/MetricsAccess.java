package io.carlo.server.operations;

import io.carlo.server.CarloProperties;
import io.carlo.server.security.ProblemResponses;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Who may scrape {@code /actuator/prometheus}: Prometheus, with the bearer token an operator set in
 * {@code CARLO_METRICS_TOKEN}. Metrics belong to the operator, not to any organization, so neither
 * a user's session nor an API key opens them; without a token they are not served at all.
 */
@Configuration
public class MetricsAccess {

    static final String PATH = "/actuator/prometheus";

    @Bean
    @Order(1)
    SecurityFilterChain metricsEndpoint(HttpSecurity http, CarloProperties properties, ProblemResponses problems)
            throws Exception {
        return SharedTokenRoutes.chain(http, PATH, properties.metrics().token(), new SharedTokenRoutes.Answers(
                "Metrics are off", "set CARLO_METRICS_TOKEN (carlo.metrics.token) to serve metrics to Prometheus",
                "send the metrics token as 'Authorization: Bearer <CARLO_METRICS_TOKEN>'"), problems);
    }
}
