package com.m365backup.restore.app.security.localtokens;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Tokens this service signs itself with its local key, shaped as Microsoft Entra ID shapes access tokens to Graph
 * ({@code tid}, {@code scp} or {@code roles}, {@code oid} and {@code name} of a user, {@code appid}/{@code azp} and
 * {@code app_displayname} of an application), so that the whole API can be tried without an identity provider.
 */
public final class LocalTokens {

    /** How long a local token lasts when nobody says otherwise: a working day. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(8);

    private final RSAKey key;
    private final String issuer;
    private final String audience;
    private final Clock clock;

    private LocalTokens(RSAKey key, String issuer, String audience, Clock clock) {
        this.key = key;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
    }

    /** The local key in {@code keyFile} (made there if it is missing), signing for the given issuer and audience. */
    public static LocalTokens fromKeyFile(Path keyFile, String issuer, String audience, Clock clock) {
        return new LocalTokens(LocalSigningKey.loadOrCreate(keyFile), issuer, audience, clock);
    }

    public String issue(LocalTokenRequest request) {
        Instant now = clock.instant();
        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(request.lifetime())))
                .jwtID(UUID.randomUUID().toString())
                .claim("tid", request.tenantId())
                .claim("ver", "2.0");
        if (request.isUser()) {
            claims.subject(request.userId())
                    .claim("oid", request.userId())
                    .claim("name", request.userName())
                    .claim("scp", String.join(" ", request.permissions()))
                    .claim("azp", request.applicationId());
            if (!request.roles().isEmpty()) {
                claims.claim("roles", request.roles());
            }
        } else {
            claims.subject(request.applicationId())
                    .claim("oid", request.applicationId())
                    .claim("idtyp", "app")
                    .claim("azp", request.applicationId())
                    .claim("appid", request.applicationId())
                    .claim("app_displayname", request.applicationName())
                    .claim("roles", concat(request.permissions(), request.roles()));
        }
        return sign(claims.build());
    }

    /** Signs any claims: tests use it for tokens that must be refused (expired, another audience ...). */
    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256)
                    .keyID(key.getKeyID())
                    .type(JOSEObjectType.JWT)
                    .build(), claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException failure) {
            throw new IllegalStateException("Cannot sign a local token", failure);
        }
    }

    public String issuer() {
        return issuer;
    }

    public String audience() {
        return audience;
    }

    /** A decoder that accepts what this key signed, and nothing else; its validator checks the claims. */
    public NimbusJwtDecoder decoder() {
        try {
            return NimbusJwtDecoder.withPublicKey(key.toRSAPublicKey())
                    .signatureAlgorithm(SignatureAlgorithm.RS256)
                    .build();
        } catch (JOSEException failure) {
            throw new IllegalStateException("The local signing key has no public part", failure);
        }
    }

    private static List<String> concat(List<String> first, List<String> second) {
        return Stream.concat(first.stream(), second.stream()).distinct().toList();
    }
}
