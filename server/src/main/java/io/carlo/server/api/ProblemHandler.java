package io.carlo.server.api;

import io.carlo.engine.eval.CircularReferenceException;
import io.carlo.engine.sampling.DistributionException;
import io.carlo.engine.simulation.ModelException;
import io.carlo.engine.workbook.WorkbookLoadException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

/**
 * Turns every failure into RFC 9457 problem+json. Errors the caller caused say what to change; an
 * internal error says only that it happened and gives an id to quote, which is also in the log with
 * the stack trace.
 */
@RestControllerAdvice
public class ProblemHandler extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemHandler.class);

    @ExceptionHandler(ApiException.class)
    ProblemDetail api(ApiException e) {
        return problem(e.status(), e.title(), e.getMessage());
    }

    /** The workbook parser is full: the client should come back shortly. */
    @ExceptionHandler(io.carlo.server.workbooks.WorkbookParser.Busy.class)
    ResponseEntity<ProblemDetail> busy(io.carlo.server.workbooks.WorkbookParser.Busy e) {
        return ResponseEntity.status(e.status()).header(HttpHeaders.RETRY_AFTER, String.valueOf(e.retryAfterSeconds()))
                .body(problem(e.status(), e.title(), e.getMessage()));
    }

    @ExceptionHandler(ModelException.class)
    ProblemDetail model(ModelException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid model", e.getMessage());
    }

    @ExceptionHandler(DistributionException.class)
    ProblemDetail distribution(DistributionException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid distribution", e.getMessage());
    }

    @ExceptionHandler(CircularReferenceException.class)
    ProblemDetail circular(CircularReferenceException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Circular reference", e.getMessage());
    }

    @ExceptionHandler(WorkbookLoadException.class)
    ProblemDetail unreadable(WorkbookLoadException e) {
        return problem(HttpStatus.UNPROCESSABLE_CONTENT, "Unreadable workbook", e.getMessage());
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail badParameter(MethodArgumentTypeMismatchException e) {
        return problem(HttpStatus.BAD_REQUEST, "Invalid request",
                "'" + e.getValue() + "' is not a valid " + e.getName());
    }

    @Override
    protected ResponseEntity<Object> handleMaxUploadSizeExceededException(MaxUploadSizeExceededException e,
                                                                          HttpHeaders headers, HttpStatusCode status,
                                                                          WebRequest request) {
        long max = e.getMaxUploadSize();
        String limit = max > 0 ? " of " + (max / (1024 * 1024)) + " MB" : "";
        return ResponseEntity.status(HttpStatus.CONTENT_TOO_LARGE)
                .body(problem(HttpStatus.CONTENT_TOO_LARGE, "Upload too large",
                        "the file is larger than the upload limit" + limit));
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail internal(Exception e) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        log.error("internal error {}", id, e);
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof io.carlo.server.storage.Envelope.IntegrityException) {
                // never wrong data: the caller learns that the stored copy is damaged, not just "an error"
                return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Stored data damaged", "the stored copy of this "
                        + "file fails its integrity check (it was changed outside Carlo) and is not served; an "
                        + "operator must restore it from a backup (error id " + id + ")");
            }
        }
        return problem(HttpStatus.INTERNAL_SERVER_ERROR, "Internal error",
                "something went wrong on our side (error id " + id + "); please report it");
    }

    static ProblemDetail problem(HttpStatus status, String title, String detail) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status, detail);
        p.setTitle(title);
        return p;
    }
}
