package com.m365backup.restore.security;

import com.m365backup.restore.GraphHttp;
import com.m365backup.restore.IntegrationTest;
import com.m365backup.restore.TestTokens;
import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With an issuer configured, its tokens are checked against the keys it publishes (here a JWK set served on the
 * loopback interface, as Entra ID serves its own), and the local key is never accepted, even though local tokens
 * are not turned off.
 */
@IntegrationTest
class ConfiguredIssuerTest {

    private static final String ISSUER = "https://login.example.test/" + TestTokens.TENANT + "/v2.0";
    private static final String SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final RSAKey KEY = newKey();
    private static final HttpServer KEYS = serve(new JWKSet(KEY.toPublicJWK()).toString());

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void issuer(DynamicPropertyRegistry properties) {
        properties.add("spring.security.oauth2.resourceserver.jwt.issuer-uri", () -> ISSUER);
        properties.add("spring.security.oauth2.resourceserver.jwt.jwk-set-uri",
                () -> "http://127.0.0.1:" + KEYS.getAddress().getPort() + "/discovery/v2.0/keys");
    }

    @AfterAll
    static void stopServingKeys() {
        KEYS.stop(0);
    }

    @Test
    void the_issuers_tokens_are_accepted_and_local_ones_are_not() {
        GraphHttp http = new GraphHttp(port);

        assertThat(http.as(issued(ISSUER)).post(SESSIONS, "{}").status()).isEqualTo(201);
        GraphHttp.Response local = http.post(SESSIONS, "{}");
        assertThat(local.status()).isEqualTo(401);
        assertThat(local.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(http.as(issued("https://login.example.test/someone-else/v2.0")).get(SESSIONS).status())
                .isEqualTo(401);
    }

    private static String issued(String issuer) {
        Instant now = Instant.now();
        JWTClaimsSet claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience("00000003-0000-0000-c000-000000000000")
                .subject("entra-user")
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", TestTokens.TENANT)
                .claim("oid", "a1b2c3d4-0000-4000-8000-000000000001")
                .claim("name", "Entra User")
                .claim("scp", Permission.READ_WRITE)
                .build();
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(KEY.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(KEY));
            return jwt.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static RSAKey newKey() {
        try {
            return new RSAKeyGenerator(2048).keyID("entra-like-key").generate();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    private static HttpServer serve(String jwkSet) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/discovery/v2.0/keys", exchange -> {
                byte[] body = jwkSet.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().add("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(body);
                }
            });
            server.start();
            return server;
        } catch (IOException failure) {
            throw new IllegalStateException(failure);
        }
    }
}
