package com.m365backup.restore.operations;

import com.m365backup.restore.web.RequestIds;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/**
 * One line per request: method, path, status, duration and both ids, so that a caller's quoted {@code request-id}
 * leads to its line. Runs inside {@link RequestIds}, whose ids are in the MDC (and so in JSON logs as fields).
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
        try {
            chain.doFilter(request, response);
            status = response.getStatus();
        } finally {
            long millis = (System.nanoTime() - started) / 1_000_000;
            log.info("{} {} {} {}ms request-id={} client-request-id={}",
                    request.getMethod(), request.getRequestURI(), status, millis,
                    request.getAttribute(RequestIds.REQUEST_ID), request.getAttribute(RequestIds.CLIENT_REQUEST_ID));
        }
    }
}
