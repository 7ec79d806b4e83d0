package com.m365backup.restore.app.engine;

/**
 * The port through which the engine restores one mailbox (docs/api.md, Lifecycle): a real adapter calls Exchange,
 * the default one simulates it. An exception means that the restore failed; {@link MailboxRestoreRefused} carries the
 * Graph code of a failure the adapter understands, anything else is an {@code UnknownError}.
 */
public interface MailboxRestorer {

    RestoredMailbox restore(MailboxRestore restore);
}
