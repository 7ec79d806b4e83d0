package com.m365backup.restore.query;

import java.util.List;

/** One page of sessions, and how many the tenant has in all. */
public record RestoreSessionPage(List<RestoreSessionView> sessions, long total) {
}
