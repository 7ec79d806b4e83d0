package com.m365backup.restore.domain.caller;

/**
 * Names of the message metadata that carry who did what: set on every command, copied by Axon onto every event it
 * causes, and stored with it, so that the event store is an audit trail (docs/design.md, The write path).
 */
public final class CallerMetaData {

    public static final String TENANT_ID = "tenantId";
    public static final String USER_ID = "userId";
    public static final String USER_NAME = "userName";
    public static final String APPLICATION_ID = "applicationId";
    public static final String APPLICATION_NAME = "applicationName";
    public static final String CLIENT_REQUEST_ID = "clientRequestId";
    public static final String REQUEST_ID = "requestId";

    private CallerMetaData() {
    }
}
