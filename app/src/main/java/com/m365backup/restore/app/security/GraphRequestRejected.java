package com.m365backup.restore.app.security;

import com.m365backup.restore.app.web.GraphErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

import java.io.IOException;

/**
 * A request Spring Security's firewall refuses (a path with {@code ;}, {@code //}, an encoded {@code /}, {@code .} or
 * {@code %}, a method it does not know): 400 {@code BadRequest} in Graph's envelope, never a stack trace in the log
 * (the request log has its line, as for any other answer).
 */
final class GraphRequestRejected implements RequestRejectedHandler {

    private final GraphErrorWriter errors;

    GraphRequestRejected(GraphErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException rejected)
            throws IOException {
        errors.write(request, response, HttpStatus.BAD_REQUEST, "BadRequest",
                "The request's path or method holds characters or sequences this service does not accept.");
    }
}
