package com.m365backup.restore.domain.session;

/**
 * A mailbox of a bulk addition request that activation could not turn into an artifact, and why: one entry of the
 * request's {@code error.details} (docs/api.md, Bulk addition requests).
 *
 * @param mailbox the email address or directory object id, as the request listed it
 * @param code    {@code ProtectionUnitNotFound} (the tenant has no such mailbox) or {@code RestorePointNotFound} (no
 *                restore point of it within the request's window and tag that has not expired)
 */
public record UnresolvedMailbox(String mailbox, String code, String message) {

    public static final String NO_SUCH_MAILBOX = "ProtectionUnitNotFound";
    public static final String NO_RESTORE_POINT = "RestorePointNotFound";
}
