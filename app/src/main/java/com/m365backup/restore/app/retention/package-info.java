/**
 * Retention (docs/api.md, Retention): a background job that retires sessions that ended longer ago than the
 * retention, each by a command the session decides, so that they leave every Graph path while their history stays.
 */
package com.m365backup.restore.app.retention;
