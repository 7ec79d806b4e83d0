package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.session.ArtifactRestoreFailed;
import com.m365backup.restore.session.ArtifactRestoreScheduled;
import com.m365backup.restore.session.ArtifactRestoreScheduling;
import com.m365backup.restore.session.ArtifactRestoreStarted;
import com.m365backup.restore.session.ArtifactRestoreSucceeded;
import com.m365backup.restore.session.MailboxArtifactAdded;
import com.m365backup.restore.session.MailboxArtifactRemoved;
import com.m365backup.restore.session.RestoreSessionActivated;
import com.m365backup.restore.session.RestoreSessionCreated;
import com.m365backup.restore.session.RestoreSessionDeleted;
import com.m365backup.restore.session.RestoreSessionEnded;
import com.m365backup.restore.session.RestoreSessionStarted;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code restore_session} and {@code mailbox_restore_artifact} in step with the events of restore sessions:
 * each event goes through {@link RestoreSessionFold}, the fold the audit's past state shares, and the requests
 * waiting to read their own write are told once it is committed.
 */
@Component
@ProcessingGroup(RestoreSessionProjection.PROCESSING_GROUP)
class RestoreSessionProjection {

    static final String PROCESSING_GROUP = "restore-session-projection";

    private final RestoreSessionFold fold;
    private final JdbcTemplate jdbc;
    private final ReadModelProgress progress;

    RestoreSessionProjection(RestoreSessionFold fold, JdbcTemplate jdbc, ReadModelProgress progress) {
        this.fold = fold;
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @EventHandler
    void on(RestoreSessionCreated event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(MailboxArtifactAdded event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(MailboxArtifactRemoved event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(RestoreSessionActivated event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(ArtifactRestoreScheduling event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(ArtifactRestoreScheduled event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(ArtifactRestoreStarted event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(ArtifactRestoreSucceeded event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(ArtifactRestoreFailed event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(RestoreSessionStarted event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    @EventHandler
    void on(RestoreSessionEnded event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    /** A deleted session leaves every Graph path; its events stay in the event store for audit. */
    @EventHandler
    void on(RestoreSessionDeleted event, @SequenceNumber long sequence, MetaData metaData) {
        fold.on(event, sequence, metaData);
        shown(event.sessionId(), sequence);
    }

    /** A replay starts from nothing: the tables are rebuilt from the first event on. */
    @ResetHandler
    void reset() {
        jdbc.execute("truncate table mailbox_restore_artifact, restore_session");
    }

    /**
     * Waiting requests are told only once the batch is committed: before that, another connection would not see the
     * change yet. Only the live projection tells: a past state folded for the audit is no news to them.
     */
    private void shown(String sessionId, long sequence) {
        if (!CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.afterCommit(done -> progress.shown(sessionId,
                sequence)))) {
            progress.shown(sessionId, sequence);
        }
    }
}
