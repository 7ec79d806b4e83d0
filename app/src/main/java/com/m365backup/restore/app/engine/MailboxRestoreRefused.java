package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactErrorCode;

/** A restore that the restorer refused for a reason Graph has a code for; the message reaches the artifact's error. */
public class MailboxRestoreRefused extends RuntimeException {

    private final ArtifactErrorCode code;

    public MailboxRestoreRefused(ArtifactErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ArtifactErrorCode code() {
        return code;
    }
}
