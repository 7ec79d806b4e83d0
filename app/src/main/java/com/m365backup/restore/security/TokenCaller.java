package com.m365backup.restore.security;

import com.m365backup.restore.caller.Caller;
import com.m365backup.restore.caller.CurrentCaller;
import com.m365backup.restore.caller.IdentitySet;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;

/**
 * The caller of the request being handled, from its token: the tenant is {@code tid}; a delegated token (one with
 * scopes) names a user by {@code oid} and {@code name}, an application token names the application by {@code appid}
 * (v1 tokens) or {@code azp} (v2 tokens) and {@code app_displayname}, as Graph fills {@code createdBy}.
 */
@Component
class TokenCaller implements CurrentCaller {

    @Override
    public Caller get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (!(authentication instanceof JwtAuthenticationToken token)) {
            // Every API path needs a token; reaching here without one is a wiring mistake, not a caller's.
            throw new IllegalStateException("No authenticated caller for this request");
        }
        return from(token.getToken());
    }

    static Caller from(Jwt token) {
        String tenant = token.getClaimAsString("tid");
        if (token.hasClaim("scp")) {
            String user = firstOf(token, "oid", "sub");
            return new Caller(tenant, IdentitySet.ofUser(user, token.getClaimAsString("name")));
        }
        String application = firstOf(token, "appid", "azp");
        return new Caller(tenant, IdentitySet.ofApplication(application, token.getClaimAsString("app_displayname")));
    }

    private static String firstOf(Jwt token, String claim, String fallback) {
        String value = token.getClaimAsString(claim);
        return value != null ? value : token.getClaimAsString(fallback);
    }
}
