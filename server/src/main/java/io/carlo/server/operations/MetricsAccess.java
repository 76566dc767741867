package io.carlo.server.operations;

import io.carlo.server.CarloProperties;
import io.carlo.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

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
        http.securityMatcher(PATH)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new TokenCheck(properties.metrics(), problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** Lets a request through only with {@code Authorization: Bearer <the metrics token>}. */
    static final class TokenCheck extends OncePerRequestFilter {

        private final CarloProperties.Metrics settings;
        private final ProblemResponses problems;

        TokenCheck(CarloProperties.Metrics settings, ProblemResponses problems) {
            this.settings = settings;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!settings.enabled()) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "Metrics are off",
                        "set CARLO_METRICS_TOKEN (carlo.metrics.token) to serve metrics to Prometheus");
                return;
            }
            String header = request.getHeader("Authorization");
            String expected = "Bearer " + settings.token();
            // constant-time comparison: the response time must not reveal how much of a guess was right
            if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                        "send the metrics token as 'Authorization: Bearer <CARLO_METRICS_TOKEN>'");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
