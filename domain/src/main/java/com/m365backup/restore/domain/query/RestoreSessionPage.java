package com.m365backup.restore.domain.query;

import java.util.List;

/** One page of sessions, how many meet the list's conditions in all, and whether more follow this page. */
public record RestoreSessionPage(List<RestoreSessionView> sessions, long total, boolean more) {

    /** A page that is the last one. */
    public RestoreSessionPage(List<RestoreSessionView> sessions, long total) {
        this(sessions, total, false);
    }
}
