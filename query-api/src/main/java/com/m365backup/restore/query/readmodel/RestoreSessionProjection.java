package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.session.RestoreSessionEvent;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventhandling.ResetHandler;
import org.axonframework.eventhandling.SequenceNumber;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Keeps {@code restore_session}, {@code mailbox_restore_artifact} and {@code bulk_addition_request} in step with the
 * events of restore sessions. A
 * processor batch is gathered and written once, as the batch commits ({@link ReadModelWriter}, through the fold the
 * audit's past state shares), and the requests waiting to read their own write are told once it is committed.
 */
@Component
@ProcessingGroup(RestoreSessionProjection.PROCESSING_GROUP)
class RestoreSessionProjection {

    /** The processor's name: its settings ({@code axon.eventhandling.processors.<name>.*}) and tokens go by it. */
    static final String PROCESSING_GROUP = "restore-session-projection";

    private static final String BATCH = RestoreSessionProjection.class.getName() + ".batch";

    private final ReadModelWriter writer;
    private final JdbcTemplate jdbc;
    private final ReadModelProgress progress;

    RestoreSessionProjection(ReadModelWriter writer, JdbcTemplate jdbc, ReadModelProgress progress) {
        this.writer = writer;
        this.jdbc = jdbc;
        this.progress = progress;
    }

    @EventHandler
    void on(RestoreSessionEvent event, @SequenceNumber long sequence, MetaData metaData) {
        SessionEvent sessionEvent = new SessionEvent(event, sequence, metaData);
        if (!CurrentUnitOfWork.isStarted()) {
            progress.shown(writer.write(List.of(sessionEvent)));
            return;
        }
        batch(CurrentUnitOfWork.get().root()).add(sessionEvent);
    }

    /** A replay starts from nothing: the tables are rebuilt from the first event on. */
    @ResetHandler
    void reset() {
        jdbc.execute("truncate table bulk_addition_request, mailbox_restore_artifact, restore_session");
    }

    /**
     * The events of the processor's batch, written as it prepares to commit, in its transaction (with its token).
     * Waiting requests are told only once the batch is committed: before that, another connection would not see the
     * change yet.
     */
    private List<SessionEvent> batch(UnitOfWork<?> unitOfWork) {
        return unitOfWork.getOrComputeResource(BATCH, key -> {
            List<SessionEvent> events = new ArrayList<>();
            Map<String, Long> shown = new HashMap<>();
            unitOfWork.onPrepareCommit(preparing -> shown.putAll(writer.write(events)));
            unitOfWork.afterCommit(committed -> progress.shown(shown));
            return events;
        });
    }
}
