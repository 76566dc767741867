package io.carlo.server.ratelimit;

import io.carlo.server.CarloProperties;

/**
 * The limits a request can run into; {@code tag} is the {@code limit} label of the metric
 * {@code carlo_rate_limit_rejections_total}, {@code what} completes "too many ..." in the answer.
 */
public enum RateLimit {

    LOGIN("login", "sign-in attempts from your address"),
    LOGIN_FAILURES("login_failures", "failed sign-ins from your address"),
    LOGIN_LOCKOUT("login_lockout", "failed sign-ins to this account from your address"),
    SIGNUP("signup", "sign-ups from your address"),
    ANONYMOUS("anonymous", "unauthenticated requests from your address"),
    API_KEY("api_key", "requests with this API key"),
    USER("user", "requests from your account");

    private final String tag;
    private final String what;

    RateLimit(String tag, String what) {
        this.tag = tag;
        this.what = what;
    }

    public String tag() {
        return tag;
    }

    public String what() {
        return what;
    }

    /** The bucket's size and refill; the lock-out has none (it is not a bucket, see {@link LoginGuard}). */
    CarloProperties.RateLimits.Rate rate(CarloProperties.RateLimits settings) {
        return switch (this) {
            case LOGIN -> settings.login();
            case LOGIN_FAILURES -> settings.loginFailures();
            case SIGNUP -> settings.signup();
            case ANONYMOUS -> settings.anonymous();
            case API_KEY -> settings.apiKey();
            case USER -> settings.user();
            case LOGIN_LOCKOUT -> throw new IllegalArgumentException("the sign-in lock-out is not a token bucket");
        };
    }
}
