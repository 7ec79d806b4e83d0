package com.m365backup.restore.session;

/** Where one mailbox restore artifact stands in its lifecycle (spec/api.md, Enums and Lifecycle). */
public enum ArtifactRestoreStatus {
    ADDED,
    SCHEDULING,
    SCHEDULED,
    IN_PROGRESS,
    SUCCEEDED,
    FAILED
}
