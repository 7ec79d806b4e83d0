package com.m365backup.restore.app.security;

import com.m365backup.restore.domain.caller.Caller;
import com.m365backup.restore.domain.caller.CurrentCaller;
import com.m365backup.restore.domain.caller.IdentitySet;
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

    private static final int MAX_NAME = 256;

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
            return new Caller(tenant, IdentitySet.ofUser(user, displayName(token, "name")));
        }
        String application = firstOf(token, "appid", "azp");
        return new Caller(tenant, IdentitySet.ofApplication(application, displayName(token, "app_displayname")));
    }

    /**
     * A name as it can be stored and shown: without control characters (NUL is no text PostgreSQL keeps) or halves
     * of a surrogate pair (no UTF-8 encodes them), and no longer than {@value #MAX_NAME} characters. A name is only
     * shown, never compared, so a strange one is tidied rather than refused.
     */
    private static String displayName(Jwt token, String claim) {
        String name = token.getClaimAsString(claim);
        if (name == null) {
            return null;
        }
        StringBuilder kept = new StringBuilder();
        name.codePoints()
                .filter(point -> !Character.isISOControl(point)
                        && (point < Character.MIN_SURROGATE || point > Character.MAX_SURROGATE))
                .limit(MAX_NAME)
                .forEach(kept::appendCodePoint);
        return kept.toString();
    }

    private static String firstOf(Jwt token, String claim, String fallback) {
        String value = token.getClaimAsString(claim);
        return value != null ? value : token.getClaimAsString(fallback);
    }
}
