package com.m365backup.restore.app.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * Reads every request body before anything else of the service runs, within two limits (docs/api.md, Errors and
 * Answers that never contradict the store): at most {@code restore.http.max-body-size} (larger: 413, refused by its
 * {@code Content-Length} before any of it is read, or as soon as a chunked body passes the limit), and all of it
 * within {@code restore.http.body-timeout} (slower: 408).
 *
 * <p>The body is read with the servlet container's non-blocking I/O ({@link BodyReader}): while a client trickles
 * its body, no worker thread waits for it, so a few hundred slow clients cannot hold every worker and keep the
 * others waiting. Once the body is in, the request is dispatched again and the rest of the service (the token check
 * included) sees an ordinary request whose body is in memory ({@link ReadBody}); a request without a body goes on
 * at once.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 4)
class RequestBodyLimit extends OncePerRequestFilter {

    private final long maxBytes;
    private final long timeoutMillis;
    private final GraphErrorWriter errors;

    RequestBodyLimit(HttpSettings settings, GraphErrorWriter errors) {
        this.maxBytes = settings.maxBodySize().toBytes();
        this.timeoutMillis = settings.bodyTimeout().toMillis();
        this.errors = errors;
    }

    /** The dispatch that follows a body read in the background is where the request is served. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        byte[] read = BodyReader.bodyOf(request);
        if (read != null) {
            chain.doFilter(new ReadBody(request, read), response);
            return;
        }
        long declared = request.getContentLengthLong();
        if (declared > maxBytes) {
            tooLarge(request, response);
            return;
        }
        boolean chunked = declared < 0 && "chunked".equalsIgnoreCase(request.getHeader("Transfer-Encoding"));
        if (declared <= 0 && !chunked) {
            chain.doFilter(request, response);
            return;
        }
        AsyncContext reading = request.startAsync();
        reading.setTimeout(timeoutMillis);
        BodyReader reader = new BodyReader(reading, maxBytes, declared, this);
        reading.addListener(reader);
        request.getInputStream().setReadListener(reader);
    }

    void tooLarge(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, HttpStatus.PAYLOAD_TOO_LARGE, "RequestEntityTooLarge",
                "The request body is larger than the " + maxBytes + " bytes this service accepts.");
    }

    void tooSlow(HttpServletRequest request, HttpServletResponse response) throws IOException {
        refuse(request, response, HttpStatus.REQUEST_TIMEOUT, "RequestTimeout",
                "The request body did not arrive within " + timeoutMillis / 1000.0 + " s; send it again, whole.");
    }

    private void refuse(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                        String message) throws IOException {
        // The client may still be sending; closing the connection stops it rather than reading what was refused.
        response.setHeader("Connection", "close");
        errors.write(request, response, status, code, message);
    }
}
