package com.m365backup.restore.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Gives every request a {@code request-id} and echoes the client's {@code client-request-id} (or makes one), on the
 * response and as request attributes, so that a caller can quote them and the events of a write carry them.
 *
 * <p>A client id that is not a plain token (non-ASCII text such as {@code 日本語}, control characters, more than 128
 * characters) is not an error: the request is answered as usual with a new id in its place, because the id is only
 * ever echoed and stored, and the client learns from the answer which id its request had. Everything after this
 * filter reads that id from the header too, so no later part (Spring Security's firewall checks header values when
 * they are read) ever sees the client's original.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class RequestIds extends OncePerRequestFilter {

    public static final String REQUEST_ID = "request-id";
    public static final String CLIENT_REQUEST_ID = "client-request-id";

    /** A client's id is echoed in a header and stored; anything else than a plain token is replaced. */
    private static final Pattern SAFE_CLIENT_ID = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    /** A request whose body arrives slowly is served on a second, asynchronous dispatch: the same ids hold there. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    /**
     * A request Tomcat refused before any filter ran (TRACE, say) reaches the error page directly: it gets its ids
     * there. One that had them keeps them.
     */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        Object assigned = request.getAttribute(REQUEST_ID);
        String requestId = assigned != null ? assigned.toString() : UUID.randomUUID().toString();
        String clientRequestId = assigned != null
                ? String.valueOf(request.getAttribute(CLIENT_REQUEST_ID))
                : echoed(request.getHeader(CLIENT_REQUEST_ID));
        if (assigned == null) {
            request.setAttribute(REQUEST_ID, requestId);
            request.setAttribute(CLIENT_REQUEST_ID, clientRequestId);
            response.setHeader(REQUEST_ID, requestId);
            response.setHeader(CLIENT_REQUEST_ID, clientRequestId);
            response.setHeader("OData-Version", "4.0");
        }
        MDC.put(REQUEST_ID, requestId);
        MDC.put(CLIENT_REQUEST_ID, clientRequestId);
        String sent = request.getHeader(CLIENT_REQUEST_ID);
        try {
            chain.doFilter(sent == null || sent.equals(clientRequestId)
                    ? request
                    : new EchoedClientRequestId(request, clientRequestId), response);
        } finally {
            MDC.remove(REQUEST_ID);
            MDC.remove(CLIENT_REQUEST_ID);
        }
    }

    /** The client's id when it is a plain token, else a new one. */
    static String echoed(String clientRequestId) {
        return clientRequestId != null && SAFE_CLIENT_ID.matcher(clientRequestId).matches()
                ? clientRequestId
                : UUID.randomUUID().toString();
    }

    /** A request whose {@code client-request-id} was replaced: the rest of the service sees the one echoed. */
    private static final class EchoedClientRequestId extends HttpServletRequestWrapper {

        private final String clientRequestId;

        EchoedClientRequestId(HttpServletRequest request, String clientRequestId) {
            super(request);
            this.clientRequestId = clientRequestId;
        }

        @Override
        public String getHeader(String name) {
            return CLIENT_REQUEST_ID.equalsIgnoreCase(name) ? clientRequestId : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return CLIENT_REQUEST_ID.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(clientRequestId))
                    : super.getHeaders(name);
        }
    }
}
