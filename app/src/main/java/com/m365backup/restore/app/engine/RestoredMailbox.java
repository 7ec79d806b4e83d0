package com.m365backup.restore.app.engine;

/**
 * What a restore did: the folder it restored into (null for an in-place restore, which fills the original folders)
 * and how many items it restored.
 */
public record RestoredMailbox(String folderId, String folderName, int itemCount) {
}
