package com.m365backup.restore.domain.caller;

/** A user or an application as Graph names it in an identitySet. */
public record Identity(String id, String displayName) {
}
