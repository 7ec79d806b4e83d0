package com.m365backup.restore.app.security;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Remembers the tokens it has verified, so that a client sending the same token with every request (as Graph
 * clients do, for an hour) pays for its signature and claims once rather than on every request: that check was the
 * largest single cost of a GET (docs/performance.md).
 *
 * <p>What can change for a given token is only time: a remembered token is checked again against its {@code exp} and
 * {@code nbf} each time, and once they fail it is forgotten and decoded afresh, so that its answer (401 and why) is
 * the decoder's own. The key is the whole token, so a token differing in any byte, its signature included, is
 * verified on its own.
 */
final class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifying;
    private final OAuth2TokenValidator<Jwt> times;
    private final Map<String, Jwt> verified;

    VerifiedTokens(JwtDecoder verifying, OAuth2TokenValidator<Jwt> times, int capacity) {
        this.verifying = verifying;
        this.times = times;
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Jwt> eldest) {
                return size() > capacity;
            }
        };
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt remembered = remembered(token);
        if (remembered != null && !times.validate(remembered).hasErrors()) {
            return remembered;
        }
        forget(token);
        Jwt decoded = verifying.decode(token);
        remember(token, decoded);
        return decoded;
    }

    private synchronized Jwt remembered(String token) {
        return verified.get(token);
    }

    private synchronized void remember(String token, Jwt jwt) {
        verified.put(token, jwt);
    }

    private synchronized void forget(String token) {
        verified.remove(token);
    }
}
