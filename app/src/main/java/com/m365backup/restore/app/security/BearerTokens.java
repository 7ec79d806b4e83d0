package com.m365backup.restore.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.server.resource.web.BearerTokenResolver;
import org.springframework.security.oauth2.server.resource.web.DefaultBearerTokenResolver;

/**
 * Finds a request's bearer token as Spring Security's resolver does, checking the usual case, an {@code Authorization}
 * header that holds a well-formed token and no {@code access_token} parameter beside it, by a loop over its
 * characters instead of the resolver's case-insensitive expression (run on the kilobyte of a token with every
 * request, it was a sixtieth of a GET's time). Any other request goes to Spring Security's resolver, which answers
 * it as always, a malformed token or two tokens included.
 */
final class BearerTokens implements BearerTokenResolver {

    private static final String SCHEME = "Bearer ";
    private static final String ACCESS_TOKEN = "access_token";

    private final DefaultBearerTokenResolver standard = new DefaultBearerTokenResolver();

    @Override
    public String resolve(HttpServletRequest request) {
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null && wellFormed(authorization) && noTokenParameter(request)) {
            return authorization.substring(SCHEME.length());
        }
        return standard.resolve(request);
    }

    /** {@code Bearer <token>}, the scheme in any case, as the resolver's {@code ^Bearer ([a-zA-Z0-9-._~+/]+=*)$}. */
    static boolean wellFormed(String authorization) {
        int length = authorization.length();
        if (length <= SCHEME.length() || !authorization.regionMatches(true, 0, SCHEME, 0, SCHEME.length())) {
            return false;
        }
        int index = SCHEME.length();
        while (index < length && tokenCharacter(authorization.charAt(index))) {
            index++;
        }
        if (index == SCHEME.length()) {
            return false;
        }
        while (index < length && authorization.charAt(index) == '=') {
            index++;
        }
        return index == length;
    }

    private static boolean tokenCharacter(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || c == '-' || c == '.' || c == '_' || c == '~' || c == '+' || c == '/';
    }

    /**
     * The resolver looks for a second token in the parameters of a GET and of a form; the fast way only answers when
     * a request cannot have one (a form's parameters are its body, which is left to the resolver).
     */
    private static boolean noTokenParameter(HttpServletRequest request) {
        if (HttpMethod.GET.matches(request.getMethod())) {
            return request.getParameterValues(ACCESS_TOKEN) == null;
        }
        String type = request.getContentType();
        return type == null || !type.regionMatches(true, 0, MediaType.APPLICATION_FORM_URLENCODED_VALUE, 0,
                MediaType.APPLICATION_FORM_URLENCODED_VALUE.length());
    }
}
