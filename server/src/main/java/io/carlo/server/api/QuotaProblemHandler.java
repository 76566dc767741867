package io.carlo.server.api;

import io.carlo.server.billing.QuotaExceededException;
import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A request over the organization's plan: 403 problem+json of type
 * {@code urn:carlo:problem:quota-exceeded}, with the quota, the plan, its limit and what is used,
 * so that a program can tell it from a missing right and a person reads what to do. Ordered before
 * {@link ProblemHandler}, whose catch-all would otherwise answer it as an internal error.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class QuotaProblemHandler {

    static final URI TYPE = URI.create("urn:carlo:problem:quota-exceeded");

    @ExceptionHandler(QuotaExceededException.class)
    ProblemDetail quotaExceeded(QuotaExceededException e) {
        ProblemDetail p = ProblemHandler.problem(HttpStatus.FORBIDDEN, "Quota exceeded", e.getMessage());
        p.setType(TYPE);
        p.setProperty("quota", e.quota().tag());
        p.setProperty("plan", e.plan().name());
        p.setProperty("limit", e.limit());
        p.setProperty("used", e.used());
        return p;
    }
}
