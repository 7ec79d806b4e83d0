package com.m365backup.restore.query.graph;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Where a request was sent: the service root, with the version prefix the client used ({@code /beta}, {@code /v1.0}
 * or none), which {@code @odata.context} names; and the resource's own URL, which {@code @odata.nextLink} repeats.
 */
public record RequestAddress(String serviceRoot, String resourceUrl) {

    private static final String[] VERSIONS = {"/beta", "/v1.0"};

    public static RequestAddress of(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String version = "";
        for (String candidate : VERSIONS) {
            if (path.startsWith(candidate + "/")) {
                version = candidate;
            }
        }
        String serviceRoot = ServletUriComponentsBuilder.fromContextPath(request).path(version).build().toUriString();
        String resourceUrl = ServletUriComponentsBuilder.fromRequestUri(request).build().toUriString();
        return new RequestAddress(serviceRoot, resourceUrl);
    }

    /** The {@code @odata.context} of a resource, e.g. {@code solutions/backupRestore/exchangeRestoreSessions}. */
    public String context(String resource) {
        return serviceRoot + "/$metadata#" + resource;
    }
}
