package io.carlo.server.operations;

import io.carlo.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Routes that belong to the operator, not to any organization (the metrics, the operator's API):
 * they open with one shared secret, {@code Authorization: Bearer <token>}, never with a user's
 * session or API key, and are not served at all while no token is set. The chain is stateless and
 * takes no cookies, so there is nothing for another site to forge.
 */
final class SharedTokenRoutes {

    /**
     * What a refused caller reads.
     *
     * @param offTitle    the title of the 404 while no token is set
     * @param offDetail   how to set the token
     * @param wrongDetail how to send the token (the 401)
     */
    record Answers(String offTitle, String offDetail, String wrongDetail) {
    }

    private SharedTokenRoutes() {
    }

    static SecurityFilterChain chain(HttpSecurity http, String paths, String token, Answers answers,
                                     ProblemResponses problems) throws Exception {
        http.securityMatcher(paths)
                .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(c -> c.disable())
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .addFilterBefore(new TokenCheck(token, answers, problems), AnonymousAuthenticationFilter.class)
                .authorizeHttpRequests(a -> a.anyRequest().permitAll());
        return http.build();
    }

    /** Lets a request through only with {@code Authorization: Bearer <token>}. */
    private static final class TokenCheck extends OncePerRequestFilter {

        private final byte[] expected;
        private final Answers answers;
        private final ProblemResponses problems;

        TokenCheck(String token, Answers answers, ProblemResponses problems) {
            this.expected = token == null || token.isBlank() ? null
                    : ("Bearer " + token).getBytes(StandardCharsets.UTF_8);
            this.answers = answers;
            this.problems = problems;
        }

        @Override
        protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
                throws ServletException, IOException {
            if (expected == null) {
                problems.write(request, response, HttpStatus.NOT_FOUND, answers.offTitle(), answers.offDetail());
                return;
            }
            String header = request.getHeader("Authorization");
            // constant-time comparison: the response time must not reveal how much of a guess was right
            if (header == null || !MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8), expected)) {
                problems.write(request, response, HttpStatus.UNAUTHORIZED, "Authentication required",
                        answers.wrongDetail());
                return;
            }
            chain.doFilter(request, response);
        }
    }
}
