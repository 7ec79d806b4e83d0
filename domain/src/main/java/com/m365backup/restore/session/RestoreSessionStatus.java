package com.m365backup.restore.session;

/** Where a session stands in its lifecycle (spec/api.md, Enums and Lifecycle). */
public enum RestoreSessionStatus {
    DRAFT,
    ACTIVATING,
    ACTIVE,
    COMPLETED_WITH_ERROR,
    COMPLETED,
    FAILED
}
