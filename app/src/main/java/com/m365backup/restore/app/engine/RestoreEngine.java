package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactRestoreFailed;
import com.m365backup.restore.domain.session.ArtifactRestoreScheduled;
import com.m365backup.restore.domain.session.ArtifactRestoreScheduling;
import com.m365backup.restore.domain.session.ArtifactRestoreSucceeded;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import com.m365backup.restore.domain.session.ScheduleArtifactRestore;
import com.m365backup.restore.domain.session.StartArtifactRestore;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.DisallowReplay;
import org.axonframework.eventhandling.EventHandler;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Moves artifacts of activated sessions from {@code scheduling} to {@code scheduled} and on to {@code inProgress},
 * one short command per step; the session decides each step, this handler only supplies what the session cannot
 * know (whether another session holds the mailbox, and the time).
 *
 * <p>A pooled streaming processor whose token lives in PostgreSQL: the commands' events and the token move forward
 * in one transaction, so after a restart the engine takes up exactly where it stopped. A step that the session no
 * longer expects was already taken (a batch delivered again): it is skipped.
 */
@Component
@ProcessingGroup(RestoreEngine.PROCESSING_GROUP)
@DisallowReplay
class RestoreEngine {

    static final String PROCESSING_GROUP = "restore-engine";

    private final CommandGateway commandGateway;
    private final MailboxClaims claims;
    private final Clock clock;

    RestoreEngine(CommandGateway commandGateway, MailboxClaims claims, Clock clock) {
        this.commandGateway = commandGateway;
        this.claims = claims;
        this.clock = clock;
    }

    @EventHandler
    void on(ArtifactRestoreScheduling event) {
        String competingSession = claims.claim(event.tenantId(), event.mailboxId(), event.sessionId(),
                event.artifactId()).orElse(null);
        send(new ScheduleArtifactRestore(event.sessionId(), event.artifactId(), competingSession, now()));
    }

    @EventHandler
    void on(ArtifactRestoreScheduled event) {
        send(new StartArtifactRestore(event.sessionId(), event.artifactId(), now()));
    }

    @EventHandler
    void on(ArtifactRestoreSucceeded event) {
        claims.release(event.sessionId(), event.artifactId());
    }

    @EventHandler
    void on(ArtifactRestoreFailed event) {
        claims.release(event.sessionId(), event.artifactId());
    }

    private void send(Object command) {
        try {
            commandGateway.sendAndWait(command);
        } catch (RestoreSessionRejected rejected) {
            if (rejected.rejection() != Rejection.ARTIFACT_NOT_AT_THAT_STEP) {
                throw rejected;
            }
        }
    }

    // PostgreSQL keeps microseconds: a time written now must equal the time read back.
    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
