package com.m365backup.restore.app.security;

import com.m365backup.restore.app.security.policy.Permission;

import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/**
 * What a request needs: one of {@code anyOf} and, for the audit paths, an app role besides.
 *
 * @param anyOf     permissions of which the caller must hold at least one
 * @param alsoRole  an app role the caller must hold as well, or null
 */
record RequiredPermission(List<String> anyOf, String alsoRole, String ofTenant) {

    static final RequiredPermission READ = new RequiredPermission(List.of(Permission.READ, Permission.READ_WRITE),
            null, null);
    static final RequiredPermission READ_WRITE = new RequiredPermission(List.of(Permission.READ_WRITE), null, null);
    static final RequiredPermission SEARCH = new RequiredPermission(List.of(Permission.SEARCH), null, null);

    static RequiredPermission audit(String auditRole) {
        return new RequiredPermission(READ.anyOf, auditRole, null);
    }

    /** An operator's: the operator role, in a token of the operating tenant. */
    static RequiredPermission operator(OperatorSettings operator) {
        return new RequiredPermission(List.of(operator.role()), null, operator.tenant());
    }

    boolean grantedBy(Collection<String> held, String tenant) {
        boolean permitted = anyOf.stream().anyMatch(held::contains);
        return permitted && (alsoRole == null || held.contains(alsoRole))
                && (ofTenant == null || ofTenant.equalsIgnoreCase(tenant));
    }

    /** Names what {@code held} lacks, for the 403's message. */
    String missingFrom(Collection<String> held) {
        if (ofTenant != null) {
            return "This request is an operator's: it needs the application role " + String.join(" or ", anyOf)
                    + " in a token of the service's operating tenant.";
        }
        if (anyOf.stream().noneMatch(held::contains)) {
            String names = anyOf.stream().collect(Collectors.joining(" or "));
            return "This request needs the permission " + names + " (a delegated scope or an application role).";
        }
        return "This request needs the application role " + alsoRole + ".";
    }
}
