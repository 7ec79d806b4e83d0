package com.m365backup.restore.app.security;

import com.m365backup.restore.app.web.GraphErrorWriter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;
import org.springframework.security.web.AuthenticationEntryPoint;

import java.io.IOException;
import java.util.stream.Collectors;

/**
 * A missing or bad token: 401 with {@code WWW-Authenticate: Bearer ...} (as RFC 6750 and Graph answer) and Graph's
 * envelope with {@code InvalidAuthenticationToken}, saying what is wrong with the token in words a person
 * understands, never how it was checked.
 */
final class GraphAuthenticationFailures implements AuthenticationEntryPoint {

    private static final String CHALLENGE = "Bearer realm=\"exchange-restore-sessions\"";

    private final GraphErrorWriter errors;

    GraphAuthenticationFailures(GraphErrorWriter errors) {
        this.errors = errors;
    }

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        String message = message(failure);
        // RFC 6750: a request without a token gets the bare challenge; a bad token is named invalid_token.
        response.setHeader(HttpHeaders.WWW_AUTHENTICATE, failure instanceof OAuth2AuthenticationException
                ? CHALLENGE + ", error=\"invalid_token\", error_description=\"" + message.replace("\"", "'") + "\""
                : CHALLENGE);
        errors.write(request, response, HttpStatus.UNAUTHORIZED, "InvalidAuthenticationToken", message);
    }

    private static String message(AuthenticationException failure) {
        if (!(failure instanceof OAuth2AuthenticationException)) {
            return "Access token is empty: send it as 'Authorization: Bearer <token>'.";
        }
        if (failure.getCause() instanceof JwtValidationException invalid) {
            return "Access token validation failure. " + invalid.getErrors().stream()
                    .map(OAuth2Error::getDescription)
                    .distinct()
                    .collect(Collectors.joining(" "));
        }
        if (failure instanceof InvalidBearerTokenException) {
            return "Access token validation failure. The token is malformed, or its signature is not one this "
                    + "service trusts.";
        }
        return "Access token validation failure. The token could not be read.";
    }
}
