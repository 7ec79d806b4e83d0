package com.m365backup.restore.domain.query;

/**
 * Asks the restore point catalog for one protection unit (mailbox) of a tenant, its id compared exactly as given
 * (docs/api.md, Finding what can be restored); answers an {@code Optional<MailboxProtectionUnitView>}.
 */
public record FindProtectionUnit(String tenantId, String protectionUnitId) {
}
