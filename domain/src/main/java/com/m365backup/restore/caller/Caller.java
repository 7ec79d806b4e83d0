package com.m365backup.restore.caller;

/** The tenant a request acts in and who sent it. */
public record Caller(String tenantId, IdentitySet identity) {
}
