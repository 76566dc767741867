package io.carlo.server.security;

import io.carlo.server.CarloProperties;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.stereotype.Component;

/**
 * The session cookie: HttpOnly (scripts cannot read it), SameSite=Lax (other sites' forms do not
 * send it), Secure over HTTPS, scoped to the whole site.
 */
@Component
public class SessionCookie {

    public static final String NAME = "CARLO_SESSION";

    private final CarloProperties.Sessions settings;

    public SessionCookie(CarloProperties properties) {
        this.settings = properties.sessions();
    }

    public static String read(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies != null) {
            for (Cookie c : cookies) {
                if (NAME.equals(c.getName()) && !c.getValue().isEmpty()) {
                    return c.getValue();
                }
            }
        }
        return null;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, String token) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, token, settings.maxAge()).toString());
    }

    public void clear(HttpServletRequest request, HttpServletResponse response) {
        response.addHeader(HttpHeaders.SET_COOKIE, cookie(request, "", Duration.ZERO).toString());
    }

    private ResponseCookie cookie(HttpServletRequest request, String value, Duration maxAge) {
        return ResponseCookie.from(NAME, value).httpOnly(true).sameSite("Lax").path("/").maxAge(maxAge)
                .secure(secure(request)).build();
    }

    /** Another short-lived cookie with the same protections (the single sign-on binding cookie). */
    public void writeOther(HttpServletRequest request, HttpServletResponse response, String name, String value,
                           String path, Duration maxAge) {
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(name, value).httpOnly(true).sameSite("Lax")
                .path(path).maxAge(maxAge).secure(secure(request)).build().toString());
    }

    private boolean secure(HttpServletRequest request) {
        return switch (settings.secureCookie()) {
            case "always" -> true;
            case "never" -> false;
            default -> request.isSecure() || "https".equalsIgnoreCase(request.getHeader("X-Forwarded-Proto"));
        };
    }
}
