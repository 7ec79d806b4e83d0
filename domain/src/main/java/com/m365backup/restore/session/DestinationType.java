package com.m365backup.restore.session;

/** Where a mailbox is restored to; all artifacts of one session share one (spec/api.md, Lifecycle). */
public enum DestinationType {
    NEW,
    IN_PLACE
}
