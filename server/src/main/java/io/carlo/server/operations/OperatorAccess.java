package io.carlo.server.operations;

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
        http.securityMatcher(PATHS)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                // a bearer token, never a cookie: there is nothing for another site to forge
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new TokenCheck(operator, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** Lets a request through only with {@code Authorization: Bearer <the operator token>}. */
    static final class TokenCheck extends OncePerRequestFilter {

        private final OperatorProperties operator;
        private final ProblemResponses problems;

        TokenCheck(OperatorProperties operator, ProblemResponses problems) {
            this.operator = operator;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (!operator.enabled()) {
                problems.write(request, response, HttpStatus.NOT_FOUND, "Operator routes are off",
                        "set CARLO_OPERATOR_TOKEN (carlo.operator.token) to serve the operator routes");
                return;
            }
            String header = request.getHeader("Authorization");
            String expected = "Bearer " + operator.token();
            // constant-time comparison: the response time must not reveal how much of a guess was right
            if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                    expected.getBytes(StandardCharsets.UTF_8))) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                        "send the operator token as 'Authorization: Bearer <CARLO_OPERATOR_TOKEN>'; "
                                + "a user's session or API key does not open operator routes");
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
