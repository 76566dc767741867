package io.carlo.server.api;

import org.springframework.http.HttpStatus;

/**
 * An error the caller can act on, answered as RFC 9457 problem+json with its status, a short title
 * and a detail written for a person. Anything else that escapes a controller is an internal error.
 */
public class ApiException extends RuntimeException {

    private final HttpStatus status;
    private final String title;

    public ApiException(HttpStatus status, String title, String detail) {
        super(detail);
        this.status = status;
        this.title = title;
    }

    public HttpStatus status() {
        return status;
    }

    public String title() {
        return title;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request", detail);
    }

    public static ApiException unauthorized(String detail) {
        return new ApiException(HttpStatus.UNAUTHORIZED, "Authentication required", detail);
    }

    public static ApiException forbidden(String detail) {
        return new ApiException(HttpStatus.FORBIDDEN, "Not allowed", detail);
    }

    /**
     * Another organization's object and a missing one answer the same, so that an identifier
     * reveals nothing about who owns it.
     */
    public static ApiException notFound(String what) {
        return new ApiException(HttpStatus.NOT_FOUND, "Not found", "no " + what + " with this id in your organization");
    }

    public static ApiException conflict(String detail) {
        return new ApiException(HttpStatus.CONFLICT, "Conflict", detail);
    }

    public static ApiException unprocessable(String title, String detail) {
        return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, title, detail);
    }
}
