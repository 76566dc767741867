package io.carlo.server.security;

import io.carlo.server.ratelimit.RateLimitFilter;
import io.carlo.server.tenancy.ApiKeys;
import io.carlo.server.tenancy.TenancyService;
import io.carlo.server.tenancy.Users;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.AnonymousAuthenticationFilter;
import org.springframework.security.web.csrf.CsrfException;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;

/**
 * Who may call what. Everything under {@code /api} needs a signed-in user or an API key, except
 * sign-up, sign-in (password and single sign-on) and the API documentation; object-level rules (organization, role) live in the
 * services. Browsers are protected from cross-site requests by a CSRF token (the double-submit
 * {@code XSRF-TOKEN} cookie, echoed in the {@code X-XSRF-TOKEN} header) on every state-changing
 * request that carries the session cookie; programs with an API key have no cookie to forge.
 */
@Configuration
public class SecurityConfig {

    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");

    /**
     * The UI loads only its own scripts (Vite builds external module files, never inline ones);
     * inline styles stay allowed because the charts' tooltips are HTML with style attributes. The
     * API documentation's page (Swagger UI) keeps its own rules.
     */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; "
            + "style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; "
            + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    @Bean
    Clock clock() {
        // microseconds: what both databases keep, so an object reads back exactly as it was created
        return Clock.tick(Clock.systemUTC(), java.time.Duration.ofNanos(1_000));
    }

    /** Argon2id, the winner of the Password Hashing Competition, with Spring Security's current parameters. */
    @Bean
    PasswordEncoder passwordEncoder() {
        return Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    }

    @Bean
    AuthenticationFilter authenticationFilter(ApiKeys keys, Users users, SessionStore sessions, TenancyService tenancy,
                                              ProblemResponses problems, Clock clock) {
        return new AuthenticationFilter(keys, users, sessions, tenancy, problems, clock);
    }

    /** The filter runs inside Spring Security's chain only, not a second time as a plain servlet filter. */
    @Bean
    FilterRegistrationBean<AuthenticationFilter> authenticationFilterRegistration(AuthenticationFilter filter) {
        FilterRegistrationBean<AuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }

    @Bean
    SecurityFilterChain api(HttpSecurity http, AuthenticationFilter authentication, ProblemResponses problems,
                            RateLimitFilter rateLimits, BrowserProtections browser) throws Exception {
        http.sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .httpBasic(b -> b.disable())
                .formLogin(f -> f.disable())
                .logout(l -> l.disable())
                .requestCache(c -> c.disable())
                .csrf(c -> c.spa().requireCsrfProtectionMatcher(SecurityConfig::needsCsrfToken))
                .addFilterBefore(authentication, AnonymousAuthenticationFilter.class)
                // rate limits once the caller is known: per key or user, else per client address
                .addFilterAfter(rateLimits, AuthenticationFilter.class)
                .headers(h -> h.addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(
                        request -> !request.getRequestURI().startsWith("/api/docs"),
                        new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY))))
                .authorizeHttpRequests(a -> a
                        .dispatcherTypeMatchers(DispatcherType.ASYNC, DispatcherType.ERROR).permitAll()
                        .requestMatchers(HttpMethod.POST, "/api/v1/auth/signup", "/api/v1/auth/login").permitAll()
                        // single sign-on: the browser reaches these before it has a session (io.carlo.server.sso)
                        .requestMatchers(HttpMethod.GET, "/api/v1/auth/sso/start", "/api/v1/auth/sso/callback").permitAll()
                        .requestMatchers("/api/docs", "/api/docs/**", "/actuator/health", "/actuator/health/**").permitAll()
                        .requestMatchers("/api/**", "/actuator/**").authenticated()
                        // the browser UI's page and assets (io.carlo.server.web.WebUi): public files, no data
                        .anyRequest().permitAll())
                .exceptionHandling(e -> e
                        .authenticationEntryPoint((req, res, ex) -> problems.write(req, res, HttpStatus.UNAUTHORIZED,
                                "Authentication required", "sign in, or send an API key as 'Authorization: Bearer carlo_...'"))
                        .accessDeniedHandler((req, res, ex) -> problems.write(req, res, HttpStatus.FORBIDDEN,
                                ex instanceof CsrfException ? "CSRF token missing or invalid" : "Not allowed",
                                ex instanceof CsrfException
                                        ? "send the value of the XSRF-TOKEN cookie in the X-XSRF-TOKEN header"
                                        : "you are not allowed to do this")));
        browser.apply(http);
        return http.build();
    }

    /** Cross-site forgery needs the browser's cookie: requests without it (API keys, sign-in from a script) are exempt. */
    private static boolean needsCsrfToken(HttpServletRequest request) {
        return !SAFE_METHODS.contains(request.getMethod()) && request.getHeader("Authorization") == null
                && SessionCookie.read(request) != null;
    }
}
