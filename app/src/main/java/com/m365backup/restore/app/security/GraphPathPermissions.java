package com.m365backup.restore.app.security;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpMethod;

import java.util.List;
import java.util.Locale;

/**
 * Which permission each request needs (docs/api.md, Paths and Audit): the audit paths Read plus the audit role, the
 * restore point search the Search permission, the catalog's lists (protection units, mailbox protection units, restore
 * points; docs/api.md, Finding what can be restored) Read, every other read Read (or ReadWrite) and every other write
 * ReadWrite.
 * Deny by default: a path this class does not know still needs a permission by its method, so that no route added
 * later, nor a spelling the router might accept, is open to a caller with a weaker token.
 */
final class GraphPathPermissions {

    private static final String SEARCH_PATH = "/solutions/backuprestore/restorepoints/search";
    /** The catalog a client finds its ids in: read with Read, as Graph's beta pages ask, not with Search. */
    private static final List<String> CATALOG_PATHS = List.of("/solutions/backuprestore/protectionunits",
            "/solutions/backuprestore/mailboxprotectionunits", "/solutions/backuprestore/restorepoints");

    /** The rebuild of the read model (and its status, which tells of the whole event store). */
    private static final String OPERATOR_PATH = "/audit/projections";

    private final RequiredPermission audit;
    private final RequiredPermission operator;

    GraphPathPermissions(String auditRole, OperatorSettings operator) {
        this.audit = RequiredPermission.audit(auditRole);
        this.operator = RequiredPermission.operator(operator);
    }

    RequiredPermission of(HttpServletRequest request) {
        String path = withoutVersion(request.getRequestURI().substring(request.getContextPath().length())
                .toLowerCase(Locale.ROOT));
        boolean reading = HttpMethod.GET.matches(request.getMethod()) || HttpMethod.HEAD.matches(request.getMethod());
        if (path.equals(OPERATOR_PATH) || path.startsWith(OPERATOR_PATH + "/")) {
            return operator;
        }
        if (path.equals("/audit") || path.startsWith("/audit/")) {
            return audit;
        }
        if (path.equals(SEARCH_PATH) && !reading) {
            return RequiredPermission.SEARCH;
        }
        if (reading && CATALOG_PATHS.stream()
                .anyMatch(catalog -> path.equals(catalog) || path.startsWith(catalog + "/"))) {
            return RequiredPermission.READ;
        }
        return reading ? RequiredPermission.READ : RequiredPermission.READ_WRITE;
    }

    /** Graph clients put the version in their base URL; the same paths are served with and without it. */
    private static String withoutVersion(String path) {
        for (String version : new String[]{"/beta/", "/v1.0/"}) {
            if (path.startsWith(version)) {
                return path.substring(version.length() - 1);
            }
        }
        return path;
    }
}
