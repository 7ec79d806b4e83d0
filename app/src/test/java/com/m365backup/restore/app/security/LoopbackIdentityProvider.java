package com.m365backup.restore.app.security;

import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.policy.Permission;
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

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * An identity provider on the loopback interface, as Entra ID publishes itself: an OpenID configuration at
 * {@code <issuer>/.well-known/openid-configuration} naming its JWK set, and the JWK set; it signs tokens with its
 * key. So that tests of a configured issuer need no network.
 */
final class LoopbackIdentityProvider implements AutoCloseable {

    private static final String PATH = "/" + TestTokens.TENANT + "/v2.0";

    private final RSAKey key;
    private final HttpServer server;

    LoopbackIdentityProvider() {
        try {
            key = new RSAKeyGenerator(2048).keyID("loopback-key").generate();
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (JOSEException | IOException failure) {
            throw new IllegalStateException(failure);
        }
        serve(PATH + "/.well-known/openid-configuration", """
                {"issuer": "%s", "jwks_uri": "%s"}""".formatted(issuer(), jwkSetUri()));
        serve(PATH + "/keys", new JWKSet(key.toPublicJWK()).toString());
        server.start();
    }

    String issuer() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + PATH;
    }

    String jwkSetUri() {
        return issuer() + "/keys";
    }

    /** A user's token with the ReadWrite scope, as this provider would issue it, naming the given issuer. */
    String userToken(String issuer) {
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
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException(failure);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serve(String path, String json) {
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        });
    }
}
