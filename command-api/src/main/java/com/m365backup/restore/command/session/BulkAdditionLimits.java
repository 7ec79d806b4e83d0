package com.m365backup.restore.command.session;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How many mailboxes one bulk addition request may list (docs/api.md, Bulk addition requests): email addresses and
 * directory object ids together; more is a 400 {@code BulkRestoreRestorationResourcesCountExceedsLimit}.
 *
 * @param maxMailboxesPerRequest {@code restore.bulk.max-mailboxes-per-request}, default 10000
 */
@ConfigurationProperties("restore.bulk")
public record BulkAdditionLimits(@DefaultValue("10000") int maxMailboxesPerRequest) {
}
