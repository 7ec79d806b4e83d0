package com.m365backup.restore.app.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * How tokens are checked.
 *
 * @param audiences   a token must name one of these in {@code aud}; Graph's own by default, as Graph clients ask
 *                    Entra ID for tokens to Graph
 * @param clockSkew   how far {@code exp} and {@code nbf} may be off, for clocks that disagree a little
 * @param auditRole   the app role the audit paths need besides a read permission (docs/api.md, Audit)
 * @param localTokens tokens this service signs itself, for use without an identity provider
 */
@ConfigurationProperties("restore.security")
public record SecuritySettings(
        @DefaultValue({"https://graph.microsoft.com", "00000003-0000-0000-c000-000000000000"}) List<String> audiences,
        @DefaultValue("60s") Duration clockSkew,
        @DefaultValue("BackupRestore-Audit.Read") String auditRole,
        @DefaultValue LocalTokens localTokens) {

    /**
     * @param enabled whether tokens signed by the local key are accepted; never when an issuer is configured
     * @param keyFile where the local signing key is kept, made on first use; never committed (application.properties:
     *                in the data folder)
     * @param issuer  the {@code iss} of local tokens
     */
    public record LocalTokens(
            @DefaultValue("true") boolean enabled,
            Path keyFile,
            @DefaultValue("urn:exchange-restore-sessions:local-issuer") String issuer) {
    }
}
