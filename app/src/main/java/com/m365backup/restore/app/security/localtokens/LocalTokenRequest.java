package com.m365backup.restore.app.security.localtokens;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What a local token says: its tenant, who holds it, and what they may do. A user's token (delegated) carries the
 * permissions as scopes, an application's as app roles; {@code roles} are app roles either may hold besides, such
 * as the audit role.
 */
public record LocalTokenRequest(String tenantId, String userId, String userName, String applicationId,
                                String applicationName, List<String> permissions, List<String> roles,
                                Duration lifetime) {

    /** The client application a local user signs in through, as {@code azp} names it in a delegated token. */
    public static final String LOCAL_CLIENT_ID = "5f1e6b4c-6d5f-4d5a-9a43-6c1f0e7c1a11";

    public LocalTokenRequest {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(applicationId, "applicationId");
        permissions = List.copyOf(permissions);
        roles = List.copyOf(roles);
        Objects.requireNonNull(lifetime, "lifetime");
    }

    public static LocalTokenRequest forUser(String tenantId, String userId, String userName, List<String> scopes,
                                            List<String> roles) {
        return new LocalTokenRequest(tenantId, userId, userName, LOCAL_CLIENT_ID, "Local client", scopes, roles,
                LocalTokens.DEFAULT_LIFETIME);
    }

    public static LocalTokenRequest forApplication(String tenantId, String applicationId, String applicationName,
                                                   List<String> roles) {
        return new LocalTokenRequest(tenantId, null, null, applicationId, applicationName, roles, List.of(),
                LocalTokens.DEFAULT_LIFETIME);
    }

    public LocalTokenRequest lasting(Duration newLifetime) {
        return new LocalTokenRequest(tenantId, userId, userName, applicationId, applicationName, permissions, roles,
                newLifetime);
    }

    boolean isUser() {
        return userId != null;
    }
}
