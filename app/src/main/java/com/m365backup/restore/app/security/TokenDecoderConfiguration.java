package com.m365backup.restore.app.security;

import com.m365backup.restore.app.security.localtokens.LocalTokenSettings;
import com.m365backup.restore.app.security.localtokens.LocalTokens;
import com.m365backup.restore.app.security.policy.SecuritySettings;
import com.m365backup.restore.app.service.ServiceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.security.oauth2.resource.OAuth2ResourceServerProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.SupplierJwtDecoder;
import org.springframework.util.StringUtils;

import java.time.Clock;

/**
 * Chooses whose tokens are accepted. With an issuer configured (Spring Boot's
 * {@code spring.security.oauth2.resourceserver.jwt.issuer-uri}, optionally with {@code jwk-set-uri}), only that
 * issuer's, checked against the keys it publishes; the local key is then never accepted. Without one, the tokens of
 * the local key, unless they are turned off (production), in which case the service refuses to start rather than
 * run open or unusable.
 */
@Configuration(proxyBeanMethods = false)
// The command-line modes (replay, seed-history) serve no HTTP and check no token.
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties({SecuritySettings.class, OperatorSettings.class, LocalTokenSettings.class})
class TokenDecoderConfiguration {

    private static final Logger log = LoggerFactory.getLogger(TokenDecoderConfiguration.class);
    /** Tokens remembered as verified: about a kilobyte each; a service sees a few thousand callers an hour. */
    private static final int VERIFIED_TOKENS = 10_000;

    @Bean
    JwtDecoder jwtDecoder(OAuth2ResourceServerProperties resourceServer, SecuritySettings settings,
                          LocalTokenSettings local, Clock clock, ServiceSettings service) {
        return new VerifiedTokens(verifyingDecoder(resourceServer, settings, local, clock, service.defaultTenantId()),
                times(settings, clock), VERIFIED_TOKENS);
    }

    private static JwtDecoder verifyingDecoder(OAuth2ResourceServerProperties resourceServer,
                                               SecuritySettings settings, LocalTokenSettings local, Clock clock,
                                               String defaultTenant) {
        OAuth2ResourceServerProperties.Jwt configured = resourceServer.getJwt();
        if (StringUtils.hasText(configured.getIssuerUri()) || StringUtils.hasText(configured.getJwkSetUri())) {
            return issuerDecoder(configured, settings, clock);
        }
        if (!local.enabled()) {
            throw new IllegalStateException("No token issuer is configured and local tokens are off: set "
                    + "spring.security.oauth2.resourceserver.jwt.issuer-uri (docs/security.md)");
        }
        LocalTokens tokens = LocalTokens.fromKeyFile(local.keyFile(), local.issuer(), settings.audiences().get(0),
                clock);
        NimbusJwtDecoder decoder = tokens.decoder();
        decoder.setJwtValidator(validator(local.issuer(), settings, clock));
        log.info("Accepting local tokens signed by the key in {} (their default tenant: {}; docs/security.md)",
                local.keyFile().toAbsolutePath(), defaultTenant);
        return decoder;
    }

    private static JwtDecoder issuerDecoder(OAuth2ResourceServerProperties.Jwt configured, SecuritySettings settings,
                                            Clock clock) {
        String issuer = configured.getIssuerUri();
        if (!StringUtils.hasText(issuer)) {
            throw new IllegalStateException("A JWK set URI is configured without the issuer its tokens must name: "
                    + "set spring.security.oauth2.resourceserver.jwt.issuer-uri too (docs/security.md)");
        }
        OAuth2TokenValidator<Jwt> validator = validator(issuer, settings, clock);
        log.info("Accepting tokens of the issuer {} only", issuer);
        // Built on first use, so that the service starts even while the identity provider is out of reach.
        return new SupplierJwtDecoder(() -> {
            NimbusJwtDecoder decoder = StringUtils.hasText(configured.getJwkSetUri())
                    ? NimbusJwtDecoder.withJwkSetUri(configured.getJwkSetUri()).build()
                    : NimbusJwtDecoder.withIssuerLocation(issuer).build();
            decoder.setJwtValidator(validator);
            return decoder;
        });
    }

    private static OAuth2TokenValidator<Jwt> validator(String issuer, SecuritySettings settings, Clock clock) {
        return new DelegatingOAuth2TokenValidator<>(times(settings, clock),
                new TokenClaimsValidator(issuer, settings.audiences()));
    }

    private static JwtTimestampValidator times(SecuritySettings settings, Clock clock) {
        JwtTimestampValidator times = new JwtTimestampValidator(settings.clockSkew());
        times.setClock(clock);
        return times;
    }
}
