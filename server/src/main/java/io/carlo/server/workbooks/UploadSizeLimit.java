package io.carlo.server.workbooks;

import io.carlo.server.CarloProperties;
import io.carlo.server.security.ProblemResponses;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses a request whose declared length is over the upload limit before anything reads its
 * body: no authentication, no multipart parsing, no temporary file. Runs ahead of every other
 * filter. Tomcat then swallows the unread body (up to {@code server.tomcat.max-swallow-size}) so
 * the client, still sending, reads the 413 instead of a reset connection. A body without a
 * declared length (chunked) is cut off by the multipart limits instead, also with 413.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
public class UploadSizeLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final ProblemResponses problems;

    public UploadSizeLimit(CarloProperties properties, ProblemResponses problems) {
        this.maxBytes = properties.uploads().maxSize().toBytes();
        this.problems = problems;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            problems.write(request, response, HttpStatus.CONTENT_TOO_LARGE, "Upload too large",
                    "the request is " + megabytes(declared) + "; the upload limit is " + megabytes(maxBytes));
            return;
        }
        chain.doFilter(request, response);
    }

    static String megabytes(long bytes) {
        double mb = bytes / (1024.0 * 1024.0);
        return mb >= 10 ? String.format(java.util.Locale.ROOT, "%.0f MB", mb)
                : String.format(java.util.Locale.ROOT, "%.1f MB", mb);
    }
}
