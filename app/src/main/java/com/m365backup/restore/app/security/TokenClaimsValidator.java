package com.m365backup.restore.app.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a token must say besides a good signature and good times: the expected issuer, one of this service's
 * audiences, an expiry, a tenant (a GUID, as Entra ID names tenants), since every session belongs to one
 * (docs/api.md, Tenants and identity), and ids of the caller that fit where who-did-what is kept. The descriptions
 * are what a 401 tells the caller.
 */
final class TokenClaimsValidator implements OAuth2TokenValidator<Jwt> {

    /** The claims that name the caller (TokenCaller): a user by oid or sub, an application by appid or azp. */
    private static final List<String> IDENTITY_CLAIMS = List.of("oid", "sub", "appid", "azp");
    private static final Pattern KEPT_ID = Pattern.compile("[^\\p{Cntrl}]{1,255}");
    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

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
        } else if (!GUID.matcher(tenant).matches()) {
            // Entra ID's tenant ids are GUIDs; anything else would become a tenant of its own, whatever it says.
            errors.add(invalid("The token's tenant id (tid) is not a GUID."));
        }
        for (String claim : IDENTITY_CLAIMS) {
            String id = token.getClaimAsString(claim);
            if (id != null && !KEPT_ID.matcher(id).matches()) {
                // Who did what is stored with every event and shown in the read model: an id that does not fit
                // there would be accepted now and break the projection later.
                errors.add(invalid("The token's " + claim + " is not an id this service can keep: printable text of "
                        + "at most 255 characters."));
            }
        }
        return OAuth2TokenValidatorResult.failure(errors);
    }

    private static OAuth2Error invalid(String description) {
        return new OAuth2Error(OAuth2ErrorCodes.INVALID_TOKEN, description, null);
    }
}
