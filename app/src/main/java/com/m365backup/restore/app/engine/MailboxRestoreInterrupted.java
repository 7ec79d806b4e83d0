package com.m365backup.restore.app.engine;

/**
 * A restore that stopped without a result because the service is stopping: not a failure of the artifact, which is
 * restored again after the restart.
 */
public class MailboxRestoreInterrupted extends RuntimeException {

    public MailboxRestoreInterrupted(String message, InterruptedException cause) {
        super(message, cause);
    }
}
