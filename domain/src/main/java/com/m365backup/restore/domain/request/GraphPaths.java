package com.m365backup.restore.domain.request;

/**
 * Where the service's Graph resources are served (docs/api.md, Paths): at the root, and under {@code /beta} and
 * {@code /v1.0}, as Graph clients put the version in their base URL. A mapping annotation takes only constants, so
 * each controller of both API modules lists its three paths; the prefixes they are made of are these.
 */
public final class GraphPaths {

    public static final String BETA = "/beta";
    public static final String V1_0 = "/v1.0";
    /** Graph's {@code backupRestore} singleton, where every resource of the service but {@code $metadata} lives. */
    public static final String BACKUP_RESTORE = "/solutions/backupRestore";
    public static final String BETA_BACKUP_RESTORE = BETA + BACKUP_RESTORE;
    public static final String V1_0_BACKUP_RESTORE = V1_0 + BACKUP_RESTORE;

    private GraphPaths() {
    }
}
