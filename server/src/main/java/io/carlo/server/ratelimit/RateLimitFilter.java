package io.carlo.server.ratelimit;

import io.carlo.server.audit.SignInAudit;
import io.carlo.server.security.Actor;
import io.carlo.server.security.ActorAuthentication;
import io.carlo.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.cors.CorsUtils;
import org.springframework.web.filter.OncePerRequestFilter;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Applies the rate limits to {@code /api}: per API key or per user once the caller is known (it
 * runs right after authentication), per client address for sign-in, sign-up and any other
 * unauthenticated request that changes something; and the brute-force lock-out of sign-in
 * ({@link LoginGuard}), which it feeds with the outcome of each attempt. A refused request answers
 * 429 problem+json with {@code Retry-After} in seconds; every limited answer carries
 * {@code X-RateLimit-Limit} and {@code X-RateLimit-Remaining}.
 */
public class RateLimitFilter extends OncePerRequestFilter {

    static final String LOGIN = "/api/v1/auth/login";
    static final String SIGNUP = "/api/v1/auth/signup";
    /** Routes that cost more than one token: they store a file or start work on the workers. */
    private static final Set<String> HEAVY = Set.of("/api/v1/workbooks", "/api/v1/simulations");
    private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS", "TRACE");
    /** A sign-in is an e-mail address and a password: anything longer is not one. */
    private static final int MAX_LOGIN_BODY = 16 * 1024;

    private final RateLimiter limiter;
    private final LoginGuard guard;
    private final ProblemResponses problems;
    private final JsonMapper json;
    private final int heavyCost;
    private final SignInAudit audit;

    public RateLimitFilter(RateLimiter limiter, LoginGuard guard, ProblemResponses problems, JsonMapper json,
                           int heavyCost, SignInAudit audit) {
        this.limiter = limiter;
        this.guard = guard;
        this.problems = problems;
        this.json = json;
        this.heavyCost = heavyCost;
        this.audit = audit;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !limiter.enabled() || !request.getRequestURI().startsWith("/api/") || CorsUtils.isPreFlightRequest(request);
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI();
        boolean post = "POST".equals(request.getMethod());
        Actor actor = actor();
        RateLimiter.Decision decision;
        if (post && LOGIN.equals(path)) {
            // whoever calls, a caller already signed in included: the lock-out must not be bypassed with a session
            signIn(request, response, chain);
            return;
        } else if (post && SIGNUP.equals(path)) {
            decision = limiter.consume(RateLimit.SIGNUP, ClientAddress.of(request), 1);
        } else if (actor != null) {
            long cost = post && HEAVY.contains(path) ? heavyCost : 1;
            decision = actor.isApiKey() ? limiter.consume(RateLimit.API_KEY, actor.apiKeyId().toString(), cost)
                    : limiter.consume(RateLimit.USER, actor.userId().toString(), cost);
        } else if (!SAFE_METHODS.contains(request.getMethod())) {
            decision = limiter.consume(RateLimit.ANONYMOUS, ClientAddress.of(request), 1);
        } else {
            chain.doFilter(request, response);
            return;
        }
        if (refused(decision, request, response)) {
            return;
        }
        chain.doFilter(request, response);
    }

    /**
     * A sign-in passes the address's attempt limit, its failure limit (password spraying) and the
     * account+address lock-out; its outcome (the status the controller answered) then counts.
     */
    private void signIn(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String address = ClientAddress.of(request);
        if (refused(limiter.consume(RateLimit.LOGIN, address, 1), request, response)) {
            return;
        }
        byte[] body = request.getInputStream().readNBytes(MAX_LOGIN_BODY + 1);
        if (body.length > MAX_LOGIN_BODY) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Request too large",
                    "a sign-in is {\"email\", \"password\"} of at most " + MAX_LOGIN_BODY / 1024 + " KB");
            return;
        }
        String email = email(body);
        RateLimiter.Decision failures = limiter.check(RateLimit.LOGIN_FAILURES, address);
        if (refused(failures, request, response)) {
            return;
        }
        Optional<Duration> locked = guard.lockedFor(email, address);
        if (locked.isPresent()) {
            limiter.rejected(RateLimit.LOGIN_LOCKOUT);
            audit.failed(email, "locked out");
            refuse(RateLimit.LOGIN_LOCKOUT, RateLimiter.seconds(locked.get().toNanos()), request, response);
            return;
        }
        chain.doFilter(new CachedBody(request, body), response);
        int status = response.getStatus();
        if (status == HttpStatus.UNAUTHORIZED.value()) {
            limiter.consume(RateLimit.LOGIN_FAILURES, address, 1);
            guard.failed(email, address).ifPresent(lockout -> audit.lockedOut(email, lockout));
        } else if (status >= 200 && status < 300) {
            guard.succeeded(email, address);
        }
    }

    private boolean refused(RateLimiter.Decision decision, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        if (decision.limit() != RateLimit.LOGIN_FAILURES) { // a sign-in reports its attempts, not its failures
            response.setHeader("X-RateLimit-Limit", Long.toString(decision.capacity()));
            response.setHeader("X-RateLimit-Remaining", Long.toString(decision.remaining()));
        }
        if (decision.allowed()) {
            return false;
        }
        refuse(decision.limit(), decision.retryAfterSeconds(), request, response);
        return true;
    }

    private void refuse(RateLimit limit, long retryAfterSeconds, HttpServletRequest request,
                        HttpServletResponse response) throws IOException {
        response.setHeader("Retry-After", Long.toString(retryAfterSeconds));
        problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, "Too many requests",
                "too many " + limit.what() + "; try again in " + retryAfterSeconds + " second"
                        + (retryAfterSeconds == 1 ? "" : "s") + " (see the Retry-After header)");
    }

    private String email(byte[] body) {
        try {
            JsonNode node = json.readTree(body);
            return node == null ? "" : node.path("email").asString("");
        } catch (RuntimeException e) {
            return ""; // the controller answers the malformed request; it still counts against the address
        }
    }

    private static Actor actor() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication instanceof ActorAuthentication a ? a.actor() : null;
    }

    /** The sign-in request again, its body read once here and replayed to the controller. */
    private static final class CachedBody extends HttpServletRequestWrapper {

        private final byte[] body;

        CachedBody(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the sign-in body is read synchronously");
                }

                @Override
                public int read() throws IOException {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
