package io.carlo.server.security;

import io.carlo.server.CarloProperties;
import jakarta.servlet.http.HttpServletRequest;
import java.time.Duration;
import java.util.List;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.stereotype.Component;
import org.springframework.web.cors.CorsConfiguration;
import org.springframework.web.cors.CorsConfigurationSource;
import org.springframework.web.cors.CorsUtils;

/**
 * What a browser is told to protect the user with, besides the UI's Content-Security-Policy
 * ({@link SecurityConfig}): HSTS on HTTPS only (a plain-HTTP answer cannot set it meaningfully, and
 * a proxy's {@code X-Forwarded-Proto} counts only when the operator trusts the proxy), no MIME
 * sniffing, no referrer, no framing, no powerful browser features, no caching of API answers
 * (Spring Security's default {@code Cache-Control: no-store} for every answer that sets no cache
 * policy of its own: the UI's assets do). The XSRF cookie gets the session cookie's SameSite and
 * Secure rules; it stays readable by scripts, which is how the UI echoes it.
 *
 * <p>CORS is closed unless {@code carlo.cors.allowed-origins} lists origins: a preflight from any
 * other origin is refused (403) and no answer carries {@code Access-Control-Allow-Origin} for it.
 * Listed origins may call the API with an API key; credentials (cookies) are never allowed
 * cross-origin, so a listed site still cannot act with a user's session.
 */
@Component
public class BrowserProtections {

    static final String PERMISSIONS_POLICY = "accelerometer=(), camera=(), geolocation=(), gyroscope=(), "
            + "magnetometer=(), microphone=(), payment=(), usb=()";

    private final CarloProperties.Sessions sessions;
    private final List<String> allowedOrigins;

    public BrowserProtections(CarloProperties properties) {
        this.sessions = properties.sessions();
        List<String> origins = properties.cors().allowedOrigins();
        this.allowedOrigins = origins == null ? List.of()
                : origins.stream().map(String::trim).filter(o -> !o.isEmpty()).toList();
    }

    /** Adds the headers, the XSRF cookie's flags and the CORS policy to a filter chain. */
    public void apply(HttpSecurity http) throws Exception {
        http.headers(h -> h
                        .httpStrictTransportSecurity(s -> s.maxAgeInSeconds(Duration.ofDays(365).toSeconds())
                                .includeSubDomains(true))
                        .contentTypeOptions(c -> { })
                        .referrerPolicy(r -> r.policy(ReferrerPolicy.NO_REFERRER))
                        .frameOptions(f -> f.deny())
                        .permissionsPolicyHeader(p -> p.policy(PERMISSIONS_POLICY)))
                .csrf(c -> c.csrfTokenRepository(xsrfCookie()))
                .cors(c -> c.configurationSource(cors()));
    }

    private CookieCsrfTokenRepository xsrfCookie() {
        CookieCsrfTokenRepository repository = CookieCsrfTokenRepository.withHttpOnlyFalse();
        repository.setCookiePath("/");
        repository.setCookieCustomizer(cookie -> {
            cookie.sameSite("Lax");
            switch (sessions.secureCookie()) {
                case "always" -> cookie.secure(true);
                case "never" -> cookie.secure(false);
                default -> { } // auto: Secure when the request came over HTTPS
            }
        });
        return repository;
    }

    CorsConfigurationSource cors() {
        CorsConfiguration allowed = new CorsConfiguration();
        allowed.setAllowedOrigins(allowedOrigins);
        allowed.setAllowedMethods(List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"));
        allowed.setAllowedHeaders(List.of("Authorization", "Content-Type", "Accept", AuthenticationFilter.ORGANIZATION_HEADER));
        allowed.setExposedHeaders(List.of("Location", "Content-Disposition", "Retry-After", "X-RateLimit-Limit",
                "X-RateLimit-Remaining", "X-Request-Id"));
        allowed.setAllowCredentials(false);
        allowed.setMaxAge(Duration.ofHours(1));
        return (HttpServletRequest request) -> {
            if (CorsUtils.isPreFlightRequest(request)) {
                return allowed; // with no origins listed, every cross-origin preflight is refused
            }
            // an actual request from an unlisted origin goes on without CORS headers (its page cannot
            // read the answer); refusing it outright would also refuse the UI's own requests behind a
            // proxy that hides the public host name from the server
            String origin = request.getHeader("Origin");
            return origin != null && allowedOrigins.contains(origin) ? allowed : null;
        };
    }
}
