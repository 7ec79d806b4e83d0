package com.m365backup.restore.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a {@code request-id} and echoes the client's {@code client-request-id} (or makes one), on the
 * response and as request attributes, so that a caller can quote them and the events of a write carry them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";

    /** A client's id is echoed in a header and stored; anything else than a plain token is replaced. */
    private static final Pattern SAFE_CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String requestId = UUID.randomUUID().toString();
        String clientRequestId = request.getHeader(CLIENT_REQUEST_ID);
        if (clientRequestId == null || !SAFE_CLIENT_ID.matcher(clientRequestId).matches()) {
            clientRequestId = UUID.randomUUID().toString();
        }
        request.setAttribute(REQUEST_ID, requestId);
        request.setAttribute(CLIENT_REQUEST_ID, clientRequestId);
        response.setHeader(REQUEST_ID, requestId);
        response.setHeader(CLIENT_REQUEST_ID, clientRequestId);
        response.setHeader("OData-Version", "4.0");
        MDC.put(REQUEST_ID, requestId);
        MDC.put(CLIENT_REQUEST_ID, clientRequestId);
        try {
            chain.doFilter(request, response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(CLIENT_REQUEST_ID);
        }
    }
}
