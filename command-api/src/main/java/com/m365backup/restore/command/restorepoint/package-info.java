/**
 * What the write side needs to know of restore points before it adds an artifact: that one exists, the mailbox it
 * protects and when it expires (docs/api.md, Resources: restorePoint).
 */
package com.m365backup.restore.command.restorepoint;
