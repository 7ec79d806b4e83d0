package com.m365backup.restore.app.web;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import java.io.IOException;

/**
 * Sends a large answer without a worker thread waiting on a client that reads it slowly, and cuts that client off
 * after {@code restore.http.response-timeout} (docs/api.md, Answers that never contradict the store).
 *
 * <p>An answer is made in memory first. One that fits in the connection's buffers (up to {@link #DIRECT_WRITE_LIMIT})
 * is written at once, as usual: the operating system takes it whole, whether or not the client reads. A larger one
 * (a long page of sessions with their artifacts) is written with the container's non-blocking I/O
 * ({@link BodyWriter}), a piece whenever the client has read the last, and with {@code Connection: close}, so that
 * a client still reading when the time is up loses its connection rather than keeping it with half an answer.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 5)
class ResponseWriteLimit extends OncePerRequestFilter {

    /** Well below what loopback and ordinary TCP buffers hold (a 16 KiB send buffer and a 128 KiB receive window). */
    static final int DIRECT_WRITE_LIMIT = 64 * 1024;

    private final long timeoutMillis;

    ResponseWriteLimit(HttpSettings settings) {
        this.timeoutMillis = settings.responseTimeout().toMillis();
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        chain.doFilter(request, answer);
        int length = answer.getContentSize();
        if (length <= DIRECT_WRITE_LIMIT || response.isCommitted() || request.isAsyncStarted()) {
            answer.copyBodyToResponse();
            return;
        }
        byte[] body = answer.getContentAsByteArray();
        response.setHeader("Connection", "close");
        response.setContentLength(length);
        AsyncContext writing = request.startAsync();
        writing.setTimeout(timeoutMillis);
        BodyWriter writer = new BodyWriter(writing, body);
        writing.addListener(writer);
        response.getOutputStream().setWriteListener(writer);
    }
}
