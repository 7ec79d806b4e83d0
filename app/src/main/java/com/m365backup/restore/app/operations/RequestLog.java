package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.web.RequestIds;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One line per request: method, path, status, duration and both ids, so that a caller's quoted {@code request-id}
 * leads to its line. Runs inside {@link RequestIds}, whose ids are in the MDC (and so in JSON logs as fields).
 *
 * <p>A request whose body is read, or whose answer is written, in the background ends after its first dispatch has
 * returned: its line is written when it really ends, with the status it was answered.
 *
 * <p>Never the query string, headers or body: a query may name a person, a header may carry a token.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class RequestLog extends OncePerRequestFilter {

    private static final Logger log = LoggerFactory.getLogger(RequestLog.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long started = System.nanoTime();
        // What the container answers when a failure escapes the chain.
        int status = HttpServletResponse.SC_INTERNAL_SERVER_ERROR;
        boolean later = false;
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
            if (request.isAsyncStarted()) {
                request.getAsyncContext().addListener(new AtTheEnd(request, response, started));
                later = true;
            }
        } finally {
            if (!later) {
                write(request, status, started);
            }
        }
    }

    private static void write(HttpServletRequest request, int status, long started) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        log.info("{} {} {} {}ms request-id={} client-request-id={}",
                request.getMethod(), request.getRequestURI(), status, millis,
                request.getAttribute(RequestIds.REQUEST_ID), request.getAttribute(RequestIds.CLIENT_REQUEST_ID));
    }

    /** Writes the line of a request that goes on asynchronously, once it ends, however it ends. */
    private static final class AtTheEnd implements AsyncListener {

        private final HttpServletRequest request;
        private final HttpServletResponse response;
        private final long started;

        AtTheEnd(HttpServletRequest request, HttpServletResponse response, long started) {
            this.request = request;
            this.response = response;
            this.started = started;
        }

        @Override
        public void onComplete(AsyncEvent event) {
            // A container thread without the request's MDC: the ids come along for JSON logs.
            MDC.put(RequestIds.REQUEST_ID, String.valueOf(request.getAttribute(RequestIds.REQUEST_ID)));
            MDC.put(RequestIds.CLIENT_REQUEST_ID, String.valueOf(request.getAttribute(RequestIds.CLIENT_REQUEST_ID)));
            try {
                write(request, response.getStatus(), started);
            } finally {
                MDC.remove(RequestIds.REQUEST_ID);
                MDC.remove(RequestIds.CLIENT_REQUEST_ID);
            }
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            // The reader or writer that set the time answers it; onComplete follows.
        }

        @Override
        public void onError(AsyncEvent event) {
            // onComplete follows.
        }

        /** Serving the request may start a second asynchronous part (writing a large answer): stay for its end. */
        @Override
        public void onStartAsync(AsyncEvent event) {
            event.getAsyncContext().addListener(this);
        }
    }
}
