package com.m365backup.restore.domain.session;

/**
 * How much of a tenant's restore capacity is in use when a session is activated, and how much there is: at most
 * {@code maxActiveSessions} sessions activating or active, and {@code maxMailboxesInRestore} mailboxes in restore at
 * once (docs/api.md, Lifecycle), raised to {@code maxMailboxesInBulkRestore} for a bulk session so that one bulk
 * request of 10,000 mailboxes fits (docs/api.md, Bulk addition requests). The sender measures it, since it spans every
 * session of the tenant.
 */
public record TenantRestoreLoad(
        int activeSessions,
        int maxActiveSessions,
        int mailboxesInRestore,
        int maxMailboxesInRestore,
        int maxMailboxesInBulkRestore) {

    /** Capacity where a bulk session has no more room than any other. */
    public TenantRestoreLoad(int activeSessions, int maxActiveSessions, int mailboxesInRestore,
                             int maxMailboxesInRestore) {
        this(activeSessions, maxActiveSessions, mailboxesInRestore, maxMailboxesInRestore, maxMailboxesInRestore);
    }
}
