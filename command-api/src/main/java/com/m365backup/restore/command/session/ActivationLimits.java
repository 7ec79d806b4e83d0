package com.m365backup.restore.command.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * A tenant's restore capacity (docs/api.md, Lifecycle): the 26th session activating or active is refused with 500
 * {@code TooManyActiveRestoreSessions}, an activation that would put more mailboxes in restore at once with 400
 * {@code RestoreArtifactsLimitBreached}; for a bulk session the limit of mailboxes is raised so that a bulk request
 * of 10,000 fits (docs/api.md, Bulk addition requests).
 *
 * @param maxActiveSessions         {@code restore.activation.max-active-sessions}, default 25
 * @param maxMailboxesInRestore     {@code restore.activation.max-mailboxes-in-restore}, default 1000
 * @param maxMailboxesInBulkRestore {@code restore.activation.max-mailboxes-in-bulk-restore}, default 10000
 */
@ConfigurationProperties("restore.activation")
public record ActivationLimits(
        @DefaultValue("25") int maxActiveSessions,
        @DefaultValue("1000") int maxMailboxesInRestore,
        @DefaultValue("10000") int maxMailboxesInBulkRestore) {
}
