package com.m365backup.restore.app.engine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.ResultSetExtractor;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;

/**
 * Which artifacts have their restore result stored, in {@code mailbox_restore_result}: marked in the transaction that
 * stores the result, so that the mark and the result commit or roll back together. Events reach a processor at least
 * once; with this, a restore delivered again is recognised as done before the restorer is called (a mailbox restored
 * twice would hold its items twice).
 */
@Component
class StoredRestoreResults {

    private final JdbcTemplate jdbc;

    StoredRestoreResults(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    boolean stored(String artifactId) {
        return Boolean.TRUE.equals(jdbc.query("select 1 from mailbox_restore_result where artifact_id = ?",
                (ResultSetExtractor<Boolean>) ResultSet::next, artifactId));
    }

    /** Marks the artifact's result stored; in the transaction that stores it. */
    void markStored(String sessionId, String artifactId) {
        jdbc.update("insert into mailbox_restore_result (artifact_id, session_id) values (?, ?)"
                + " on conflict (artifact_id) do nothing", artifactId, sessionId);
    }
}
