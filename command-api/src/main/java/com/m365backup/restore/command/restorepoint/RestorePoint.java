package com.m365backup.restore.command.restorepoint;

import java.time.Instant;

/**
 * A restore point as adding an artifact needs it: the mailbox (protection unit) it protects, as a session holds one
 * artifact per mailbox, and when it expires.
 *
 * @param expiresAt null when the restore point does not expire
 */
public record RestorePoint(String id, String mailboxId, Instant expiresAt) {
}
