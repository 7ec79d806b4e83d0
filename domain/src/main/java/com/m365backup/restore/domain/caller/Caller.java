package com.m365backup.restore.domain.caller;

/** The tenant a request acts in and who sent it. */
public record Caller(String tenantId, IdentitySet identity) {
}
