package com.m365backup.restore.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Who may rebuild the read model (docs/api.md, Audit: the replay is not a tenant's action): an application role of
 * the service's own operating tenant, since a rebuild concerns every tenant's data.
 *
 * @param role   {@code restore.security.operator.role}: the app role a token needs in {@code roles}
 * @param tenant {@code restore.security.operator.tenant}: the tenant ({@code tid}) of those tokens; by default the
 *               service's default tenant
 */
@ConfigurationProperties("restore.security.operator")
public record OperatorSettings(String role, String tenant) {
}
