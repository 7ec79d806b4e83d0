package com.m365backup.restore.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * What a token must say besides a good signature and good times: the expected issuer, one of this service's
 * audiences, an expiry, and a tenant, since every session belongs to one (spec/api.md, Tenants and identity). The
 * descriptions are what a 401 tells the caller.
 */
final class TokenClaimsValidator implements OAuth2TokenValidator<Jwt> {

    private final String issuer;
    private final List<String> audiences;

    TokenClaimsValidator(String issuer, List<String> audiences) {
        this.issuer = Objects.requireNonNull(issuer, "issuer");
        this.audiences = List.copyOf(audiences);
    }

    @Override
    public OAuth2TokenValidatorResult validate(Jwt token) {
        List<OAuth2Error> errors = new ArrayList<>();
        String tokenIssuer = token.getClaimAsString("iss");
        if (!issuer.equals(tokenIssuer)) {
            errors.add(invalid("The token was issued by another issuer than the one this service trusts."));
        }
        List<String> tokenAudiences = token.getAudience();
        if (tokenAudiences == null || tokenAudiences.stream().noneMatch(audiences::contains)) {
            errors.add(invalid("The token is meant for another audience than this service."));
        }
        if (token.getExpiresAt() == null) {
            errors.add(invalid("The token has no expiry (exp)."));
        }
        String tenant = token.getClaimAsString("tid");
        if (tenant == null || tenant.isBlank()) {
            errors.add(invalid("The token names no tenant (tid)."));
        }
        return OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
