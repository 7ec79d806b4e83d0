package com.m365backup.restore.domain.caller;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Graph's identitySet: a delegated caller is a {@code user}, an app-only caller an {@code application}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record IdentitySet(Identity user, Identity application) {

    public static IdentitySet ofUser(String id, String displayName) {
        return new IdentitySet(new Identity(id, displayName), null);
    }

    public static IdentitySet ofApplication(String id, String displayName) {
        return new IdentitySet(null, new Identity(id, displayName));
    }
}
