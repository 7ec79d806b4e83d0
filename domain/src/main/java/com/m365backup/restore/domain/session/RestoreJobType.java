package com.m365backup.restore.domain.session;

/**
 * What kind of restore a session is (docs/api.md, Resources: {@code restoreJobType}): whole mailboxes named one by
 * one ({@code standard}), mailboxes resolved from a bulk addition request ({@code bulk}), or chosen messages of
 * mailboxes ({@code granular}). A session's kind is settled by its first artifacts, and the kinds do not mix.
 */
public enum RestoreJobType {
    STANDARD("standard"),
    BULK("bulk"),
    GRANULAR("granular");

    private final String graphName;

    RestoreJobType(String graphName) {
        this.graphName = graphName;
    }

    /** The member's name in Graph's JSON. */
    public String graphName() {
        return graphName;
    }
}
