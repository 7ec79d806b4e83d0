package com.m365backup.restore.app.security;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** As {@link ConfiguredIssuerTest}, for a provider whose JWK set is configured beside its issuer (no discovery). */
@IntegrationTest
class ConfiguredJwkSetTest extends RunningApplicationTest {

    private static final LoopbackIdentityProvider PROVIDER = new LoopbackIdentityProvider();

    @DynamicPropertySource
    static void issuerAndKeys(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER::issuer);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri", PROVIDER::jwkSetUri);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void the_issuers_tokens_are_accepted_and_local_ones_are_not() {
        ConfiguredIssuerTest.onlyTheIssuersTokensAreAccepted(new GraphHttp(port), PROVIDER);
    }
}
