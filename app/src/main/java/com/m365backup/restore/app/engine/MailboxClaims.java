package com.m365backup.restore.app.engine;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Which session of a tenant is restoring each mailbox, in {@code mailbox_restore_claim}: a mailbox is restored by one
 * active session at a time (docs/api.md, Resources: {@code DuplicateArtifactRestoreRequest}). The primary key decides a
 * race between two sessions; the claim is written in the engine's own transaction, with its token.
 */
@Component
class MailboxClaims {

    private final JdbcTemplate jdbc;

    MailboxClaims(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Claims the mailbox for the artifact; answers the other session that holds it, or empty when it is the artifact's. */
    Optional<String> claim(String tenantId, String mailboxId, String sessionId, String artifactId) {
        // One round trip: the claim made, or the one that was there (a session restores 10,000 mailboxes). A claim
        // committed by another session while this statement ran conflicts but is not in its snapshot: then it is read
        // by a statement of its own.
        String holder = jdbc.query("""
                with claimed as (
                    insert into mailbox_restore_claim (tenant_id, mailbox_id, session_id, artifact_id)
                    values (?, ?, ?, ?)
                    on conflict (tenant_id, mailbox_id) do nothing
                    returning session_id)
                select session_id from claimed
                union all
                select session_id from mailbox_restore_claim
                where tenant_id = ? and mailbox_id = ? and not exists (select 1 from claimed)""",
                rows -> rows.next() ? rows.getString(1) : null,
                tenantId, mailboxId, sessionId, artifactId, tenantId, mailboxId);
        if (holder == null) {
            holder = jdbc.queryForObject("""
                    select session_id from mailbox_restore_claim where tenant_id = ? and mailbox_id = ?""",
                    String.class, tenantId, mailboxId);
        }
        return sessionId.equals(holder) ? Optional.empty() : Optional.ofNullable(holder);
    }

    /** The artifact has ended: its mailbox is free for other sessions (if it held it at all). */
    void release(String sessionId, String artifactId) {
        jdbc.update("delete from mailbox_restore_claim where session_id = ? and artifact_id = ?",
                sessionId, artifactId);
    }
}
