package io.carlo.server.audit;

import io.carlo.server.ratelimit.ClientAddress;
import io.carlo.server.security.Secrets;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Where a request came from: the client address as the rate limits see it (the proxy's
 * X-Forwarded-For only when the operator trusts the proxy) and the user agent.
 */
public record ClientInfo(String address, String userAgent) {

    public static final ClientInfo NONE = new ClientInfo(null, null);
    private static final int MAX_USER_AGENT = 500;

    public static ClientInfo of(HttpServletRequest request) {
        String agent = request.getHeader("User-Agent");
        if (agent != null && agent.length() > MAX_USER_AGENT) {
            agent = agent.substring(0, MAX_USER_AGENT);
        }
        return new ClientInfo(ClientAddress.of(request), agent);
    }

    /** The request this thread serves, if any (a worker or a scheduled job has none). */
    public static ClientInfo current() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? of(a.getRequest()) : NONE;
    }

    /** What the hash chain covers in place of the two: they can be erased while the chain still verifies. */
    String digest() {
        return Secrets.sha256((address == null ? "" : address) + "\n" + (userAgent == null ? "" : userAgent));
    }
}
