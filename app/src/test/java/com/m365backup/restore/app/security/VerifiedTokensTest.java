package com.m365backup.restore.app.security;

import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A token verified once is not verified again while its times hold; once they fail, the decoder answers again. */
class VerifiedTokensTest {

    private static final Instant ISSUED = Instant.parse("2026-12-01T10:00:00Z");

    private final List<String> verified = new ArrayList<>();
    private final AtomicReference<Instant> now = new AtomicReference<>(ISSUED.plusSeconds(60));
    private final JwtDecoder decoder = token -> {
        verified.add(token);
        if (now.get().isAfter(ISSUED.plus(Duration.ofHours(1)))) {
            throw new BadJwtException("Jwt expired at " + ISSUED.plus(Duration.ofHours(1)));
        }
        return Jwt.withTokenValue(token).header("alg", "RS256").claim("tid", "t")
                .issuedAt(ISSUED).expiresAt(ISSUED.plus(Duration.ofHours(1))).build();
    };

    private VerifiedTokens tokens() {
        JwtTimestampValidator times = new JwtTimestampValidator(Duration.ZERO);
        times.setClock(new Clock() {
            @Override
            public ZoneOffset getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        });
        return new VerifiedTokens(decoder, times, 2);
    }

    @Test
    void the_same_token_is_verified_once_while_it_is_valid() {
        VerifiedTokens tokens = tokens();

        tokens.decode("token-a");
        tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(verified).containsExactly("token-a", "token-b");
    }

    @Test
    void a_remembered_token_that_expired_is_refused_by_the_decoder_itself() {
        VerifiedTokens tokens = tokens();
        tokens.decode("token-a");
        now.set(ISSUED.plus(Duration.ofHours(2)));

        assertThatThrownBy(() -> tokens.decode("token-a")).isInstanceOf(BadJwtException.class)
                .hasMessageStartingWith("Jwt expired at");
        assertThat(verified).containsExactly("token-a", "token-a");
    }

    @Test
    void only_so_many_tokens_are_remembered() {
        VerifiedTokens tokens = tokens();

        List.of("a", "b", "c", "a").forEach(tokens::decode);

        assertThat(verified).containsExactly("a", "b", "c", "a");
    }
}
