package com.m365backup.restore.app.security.policy;

/**
 * The permissions of docs/api.md (Paths, Audit). A delegated token grants them as scopes ({@code scp}), an
 * application token as app roles ({@code roles}); both count the same here.
 */
public final class Permission {

    public static final String READ = "BackupRestore-Restore.Read.All";
    public static final String READ_WRITE = "BackupRestore-Restore.ReadWrite.All";
    public static final String SEARCH = "BackupRestore-Search.Read.All";

    private Permission() {
    }
}
