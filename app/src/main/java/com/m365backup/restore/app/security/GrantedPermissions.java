package com.m365backup.restore.app.security;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * A token's permissions: its scopes ({@code scp}, in a delegated token) and its app roles ({@code roles}, in an
 * application token, or assigned to a user), as authorities named exactly as Graph names them.
 *
 * <p>Entra ID writes {@code scp} as one space-separated string and {@code roles} as an array, but other identity
 * providers (and RFC 8693's {@code scope}) differ: either claim is read in either form. Anything else in them (a
 * number, an object) grants nothing.
 */
final class GrantedPermissions implements Converter<Jwt, Collection<GrantedAuthority>> {

    @Override
    public Collection<GrantedAuthority> convert(Jwt token) {
        Set<String> permissions = new LinkedHashSet<>();
        addNames(token.getClaim("scp"), permissions);
        addNames(token.getClaim("roles"), permissions);
        return permissions.stream().<GrantedAuthority>map(SimpleGrantedAuthority::new).toList();
    }

    private static void addNames(Object claim, Set<String> permissions) {
        if (claim instanceof String names) {
            Arrays.stream(names.split(" ")).filter(name -> !name.isBlank()).forEach(permissions::add);
        } else if (claim instanceof Collection<?> names) {
            names.forEach(name -> addNames(name, permissions));
        }
    }
}
