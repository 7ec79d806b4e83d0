package com.m365backup.restore.app.web;

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
import java.util.Collections;

/**
 * Refuses, with 400 naming the header, a request whose header value holds control characters (Tomcat lets the C1
 * controls U+0080 to U+009F through: the bytes of UTF-8 text read as ISO-8859-1, such as {@code 日本語}).
 *
 * <p>Spring Security's firewall refuses such a value too, but only when something reads it, and then as an
 * exception in the middle of a request (a 500 when a controller reads the headers, a 200 when nothing does); checked
 * here, with the firewall's own rule, every request is answered the same way before anything else runs. The
 * {@code client-request-id} is the exception: {@link RequestIds} has replaced an unsafe one already.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 2)
class RequestHeaderValues extends OncePerRequestFilter {


    private final GraphErrorWriter errors;

    RequestHeaderValues(GraphErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        for (String name : Collections.list(request.getHeaderNames())) {
            for (String value : Collections.list(request.getHeaders(name))) {
                if (!accepted(value)) {
                    errors.write(request, response, HttpStatus.BAD_REQUEST, "BadRequest", "The header '"
                            + printable(name) + "' holds control characters, which this service does not accept "
                            + "(text that is not ASCII may read as such: send header values in ASCII).");
                    return;
                }
            }
        }
        chain.doFilter(request, response);
    }

    /**
     * The firewall's default rule: assigned characters that are not ISO control characters, the tab aside, which
     * HTTP allows. A loop rather than a pattern: a repeated alternation recurses once per character, and a header of
     * 8 KB overflows the stack.
     */
    private static boolean accepted(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c != '\t' && (Character.isISOControl(c) || Character.getType(c) == Character.UNASSIGNED)) {
                return false;
            }
        }
        return true;
    }

    /** Header names are tokens by the time Tomcat hands them on; kept short, as a name may be long. */
    private static String printable(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }
}
