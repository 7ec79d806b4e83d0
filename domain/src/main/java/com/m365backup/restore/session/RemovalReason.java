package com.m365backup.restore.session;

/** The OData {@code @removed} reason a client gave for taking an artifact out of a session. */
public enum RemovalReason {
    CHANGED,
    DELETED
}
