package com.m365backup.restore.app.security;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With only an issuer configured, its keys are found through its OpenID configuration and its tokens accepted;
 * the local key is never accepted then, although local tokens are not turned off; nor is a token naming another
 * issuer.
 */
@IntegrationTest
class ConfiguredIssuerTest extends RunningApplicationTest {

    static final String SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final LoopbackIdentityProvider PROVIDER = new LoopbackIdentityProvider();

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", PROVIDER::issuer);
    }

    @AfterAll
    static void stopProvider() {
        PROVIDER.close();
    }

    @Test
    void the_issuers_tokens_are_accepted_and_local_ones_are_not() {
        onlyTheIssuersTokensAreAccepted(new GraphHttp(port), PROVIDER);
    }

    static void onlyTheIssuersTokensAreAccepted(GraphHttp http, LoopbackIdentityProvider provider) {
        GraphHttp.Response created = http.as(provider.userToken(provider.issuer())).post(SESSIONS, "{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/createdBy/user/displayName").asText()).isEqualTo("Entra User");

        GraphHttp.Response local = http.post(SESSIONS, "{}");
        assertThat(local.status()).isEqualTo(401);
        assertThat(local.errorCode()).isEqualTo("InvalidAuthenticationToken");
        GraphHttp.Response otherIssuer = http.as(provider.userToken("https://login.example.test/other/v2.0"))
                .get(SESSIONS);
        assertThat(otherIssuer.status()).isEqualTo(401);
        assertThat(otherIssuer.json().at("/error/message").asText()).contains("another issuer");
    }
}
