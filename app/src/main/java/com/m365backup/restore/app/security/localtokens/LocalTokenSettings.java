package com.m365backup.restore.app.security.localtokens;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

import java.nio.file.Path;

/**
 * Tokens this service signs itself, for use without an identity provider.
 *
 * @param enabled whether tokens signed by the local key are accepted; never when an issuer is configured
 * @param keyFile where the local signing key is kept, made on first use; never committed (application.properties:
 *                in the data folder)
 * @param issuer  the {@code iss} of local tokens
 */
@ConfigurationProperties("restore.security.local-tokens")
public record LocalTokenSettings(
        @DefaultValue("true") boolean enabled,
        Path keyFile,
        @DefaultValue("urn:exchange-restore-sessions:local-issuer") String issuer) {
}
