package com.m365backup.restore.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A token's permissions: its scopes ({@code scp}, space separated, in a delegated token) and its app roles
 * ({@code roles}, in an application token, or assigned to a user), as authorities named exactly as Graph names them.
 */
final class GrantedPermissions implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt token) {
        Set<String> permissions = new LinkedHashSet<>();
        String scopes = token.getClaimAsString("scp");
        if (scopes != null) {
            Arrays.stream(scopes.split(" ")).filter(scope -> !scope.isBlank()).forEach(permissions::add);
        }
        List<String> roles = token.hasClaim("roles") ? token.getClaimAsStringList("roles") : null;
        if (roles != null) {
            permissions.addAll(roles);
        }
        return permissions.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }
}
