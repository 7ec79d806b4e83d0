package com.m365backup.restore.app.security.policy;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.time.Duration;
import java.util.List;

/**
 * How tokens are checked.
 *
 * @param audiences   a token must name one of these in {@code aud}; Graph's own by default, as Graph clients ask
 *                    Entra ID for tokens to Graph
 * @param clockSkew   how far {@code exp} and {@code nbf} may be off, for clocks that disagree a little
 * @param auditRole   the app role the audit paths need besides a read permission (docs/api.md, Audit)
 */
@ConfigurationProperties("restore.security")
public record SecuritySettings(
        @DefaultValue({"https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"}) List<String> audiences,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("BackupRestore-Audit.Read") String auditRole) {
}
