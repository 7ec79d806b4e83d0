package com.m365backup.restore.app.security;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Lets a request through when its token holds the permission its path needs. A refusal leaves what was missing on
 * the request, so that the 403 can name it.
 */
final class PermissionCheck implements AuthorizationManager<RequestAuthorizationContext> {

    static final String MISSING_PERMISSION = PermissionCheck.class.getName() + ".missing";

    private final GraphPathPermissions paths;

    PermissionCheck(GraphPathPermissions paths) {
        this.paths = paths;
    }

    @Override
    public AuthorizationDecision check(Supplier<Authentication> authentication, RequestAuthorizationContext context) {
        if (!(authentication.get() instanceof JwtAuthenticationToken token)) {
            // No token: denied, and Spring Security answers an anonymous caller with 401.
            return new AuthorizationDecision(false);
        }
        Set<String> held = token.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        RequiredPermission required = paths.of(context.getRequest());
        if (required.grantedBy(held, token.getToken().getClaimAsString("tid"))) {
            return new AuthorizationDecision(true);
        }
        context.getRequest().setAttribute(MISSING_PERMISSION, required.missingFrom(held));
        return new AuthorizationDecision(false);
    }
}
