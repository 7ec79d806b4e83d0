package com.m365backup.restore.app.security;

import com.m365backup.restore.app.web.GraphErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import java.io.IOException;

/** A valid token without the permission a request needs: 403 {@code accessDenied}, naming that permission. */
final class GraphAccessDenied implements AccessDeniedHandler {

    private final GraphErrorWriter errors;

    GraphAccessDenied(GraphErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException denied)
            throws IOException {
        Object missing = request.getAttribute(PermissionCheck.MISSING_PERMISSION);
        errors.write(request, response, HttpStatus.FORBIDDEN, "accessDenied",
                missing != null ? missing.toString() : "The caller is not allowed to do this.");
    }
}
