package com.m365backup.restore.app.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;

/**
 * Makes every link the service writes ({@code @odata.context}, {@code @odata.nextLink}, {@code Location}) name the
 * service as clients reach it, never as a request's {@code Host} header claims it (docs/api.md, Answers that never
 * contradict the store): links are built from the request's scheme, host, port and context path, and this filter
 * is where those come from. With {@code restore.http.public-base-url} set, they are that URL's; without it, the
 * {@code Host} the client sent when it names one of {@code restore.http.allowed-hosts}, else the first of those.
 *
 * <p>A forged or unknown {@code Host} is answered, not refused with 400: a Graph client behind a proxy that rewrites
 * {@code Host} (the usual case of a missing public base URL) keeps working and gets the right data, and the forged
 * name reaches no link, no cache and no log; a 400 would break such clients for a name they never see.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 3)
class PublicAddress extends OncePerRequestFilter {

    private final Origin configured;
    private final List<AllowedHost> allowed;

    PublicAddress(HttpSettings settings) {
        this.configured = settings.publicBaseUrl().isBlank() ? null : Origin.of(settings.publicBaseUrl());
        this.allowed = settings.allowedHosts().stream().map(AllowedHost::of).toList();
        if (configured == null && allowed.isEmpty()) {
            throw new IllegalStateException("Set restore.http.public-base-url or name at least one host in "
                    + "restore.http.allowed-hosts (docs/configuration.md)");
        }
    }

    /** Links are written on the asynchronous dispatch of a request whose body came slowly too. */
    @Override
    protected boolean shouldNotFilterAsyncDispatch() {
        return false;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Addressed(request, originOf(request)), response);
    }

    Origin originOf(HttpServletRequest request) {
        if (configured != null) {
            return configured;
        }
        String name = request.getServerName() == null ? "" : request.getServerName().toLowerCase(Locale.ROOT);
        int port = request.getServerPort();
        int defaultPort = "https".equals(request.getScheme()) ? 443 : 80;
        for (AllowedHost host : allowed) {
            if (host.name().equals(name) && (host.port() >= 0
                    ? host.port() == port
                    : port == request.getLocalPort() || port == defaultPort)) {
                return new Origin(request.getScheme(), name, port, "");
            }
        }
        AllowedHost first = allowed.get(0);
        return new Origin(request.getScheme(), first.name(), first.port() >= 0 ? first.port() : request.getLocalPort(),
                "");
    }

    /** Where clients reach the service: scheme, host, port and the path a proxy puts before the service's own. */
    record Origin(String scheme, String host, int port, String pathPrefix) {

        static Origin of(String publicBaseUrl) {
            URI url;
            try {
                url = URI.create(publicBaseUrl.trim());
            } catch (IllegalArgumentException notAUrl) {
                throw misconfigured(publicBaseUrl);
            }
            String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
            if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null
                    || url.getRawQuery() != null || url.getRawFragment() != null || url.getRawUserInfo() != null) {
                throw misconfigured(publicBaseUrl);
            }
            int port = url.getPort() >= 0 ? url.getPort() : scheme.equals("https") ? 443 : 80;
            String path = url.getRawPath() == null ? "" : url.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            return new Origin(scheme, url.getHost().toLowerCase(Locale.ROOT), port, path);
        }

        private static IllegalStateException misconfigured(String publicBaseUrl) {
            return new IllegalStateException("restore.http.public-base-url must be an http or https URL such as "
                    + "https://restore.contoso.com, without query or fragment; it is '" + publicBaseUrl + "'");
        }

        boolean defaultPort() {
            return port == (scheme.equals("https") ? 443 : 80);
        }

        String hostHeader() {
            return defaultPort() ? host : host + ":" + port;
        }
    }

    /** An entry of {@code restore.http.allowed-hosts}: a name, or a name and the one port it is allowed with. */
    record AllowedHost(String name, int port) {

        static AllowedHost of(String entry) {
            String trimmed = entry.trim().toLowerCase(Locale.ROOT);
            int colon = trimmed.lastIndexOf(':');
            // "[::1]" holds colons of its own; a port follows the closing bracket.
            if (colon > trimmed.lastIndexOf(']') && colon > 0) {
                try {
                    return new AllowedHost(trimmed.substring(0, colon), Integer.parseInt(trimmed.substring(colon + 1)));
                } catch (NumberFormatException notAPort) {
                    throw new IllegalStateException("restore.http.allowed-hosts: '" + entry + "' is not a host name "
                            + "or a host name and port");
                }
            }
            return new AllowedHost(trimmed, -1);
        }
    }

    /** The request as links must see it: the public scheme, host and port, and the proxy's path before its own. */
    private static final class Addressed extends HttpServletRequestWrapper {

        private final Origin origin;

        Addressed(HttpServletRequest request, Origin origin) {
            super(request);
            this.origin = origin;
        }

        @Override
        public String getScheme() {
            return origin.scheme();
        }

        @Override
        public boolean isSecure() {
            return origin.scheme().equals("https");
        }

        @Override
        public String getServerName() {
            return origin.host();
        }

        @Override
        public int getServerPort() {
            return origin.port();
        }

        @Override
        public String getContextPath() {
            return origin.pathPrefix() + super.getContextPath();
        }

        @Override
        public String getRequestURI() {
            return origin.pathPrefix() + super.getRequestURI();
        }

        @Override
        public StringBuffer getRequestURL() {
            return new StringBuffer(origin.scheme()).append("://").append(origin.hostHeader()).append(getRequestURI());
        }

        @Override
        public String getHeader(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name) ? origin.hostHeader() : super.getHeader(name);
        }

        @Override
        public Enumeration<String> getHeaders(String name) {
            return HttpHeaders.HOST.equalsIgnoreCase(name)
                    ? Collections.enumeration(List.of(origin.hostHeader()))
                    : super.getHeaders(name);
        }
    }
}
