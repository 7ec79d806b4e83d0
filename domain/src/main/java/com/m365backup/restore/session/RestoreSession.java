package com.m365backup.restore.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.List;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An Exchange restore session: the only place where its rules live (spec/api.md, Lifecycle and PATCH). Command
 * handlers check and apply; event sourcing handlers only remember, so that history always replays.
 *
 * <p>Handlers of existing sessions answer the session's version after the change (the sequence number of its last
 * event, counted from 0), so that the API can wait until the read side has caught up with the write it answers. The
 * read model keeps the same number as the session's etag, {@code W/"<version>"}, which a client names in If-Match.
 *
 * <p>Every rule is checked before the first event is applied, so a rejected command has changed nothing, neither in
 * the event store nor in this object: the commands of one PATCH share one loaded session and one transaction, and a
 * rejected item must leave the session as the next item expects it. Each rule costs the same whatever the session's
 * size ({@link SessionArtifacts}).
 *
 * <p>Its fields are the shape of its snapshot (JSON, through the event store's serializer): a change of that shape
 * takes a new {@code @Revision}, after which snapshots of the former shape are ignored and the session is read from
 * its events.
 */
@Revision("1")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public class RestoreSession {

    @AggregateIdentifier
    private String sessionId;
    private String tenantId;
    private RestoreSessionStatus status;
    private boolean deleted;
    private final SessionArtifacts artifacts = new SessionArtifacts();

    protected RestoreSession() {
        // for event sourcing
    }

    @CommandHandler
    public RestoreSession(CreateRestoreSession command) {
        // The whole list is checked first, by the rules of adding, against the session it would make: a create is all
        // or nothing.
        SessionArtifacts created = new SessionArtifacts();
        List<MailboxArtifactAdded> additions = command.artifacts().stream()
                .map(artifact -> added(command.sessionId(), artifact, command.requestedAt()))
                .toList();
        for (int index = 0; index < additions.size(); index++) {
            created.requireAddable(command.artifacts().get(index), command.requestedAt(), Integer.MAX_VALUE);
            created.add(additions.get(index));
        }
        apply(new RestoreSessionCreated(command.sessionId(), command.tenantId(), command.requestedAt()));
        additions.forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public long handle(AddMailboxArtifact command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        requireDraft();
        artifacts.requireAddable(command.artifact(), command.requestedAt(), command.artifactLimit());
        apply(added(sessionId, command.artifact(), command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveMailboxArtifact command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        requireDraft();
        if (!artifacts.contains(command.artifactId())) {
            throw RestoreSessionRejected.unknownArtifact(command.artifactId());
        }
        apply(new MailboxArtifactRemoved(sessionId, command.artifactId(), command.reason(), command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(ActivateRestoreSession command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        if (status != RestoreSessionStatus.DRAFT) {
            throw RestoreSessionRejected.notAllowed("activated", status);
        }
        if (artifacts.isEmpty()) {
            throw RestoreSessionRejected.noArtifacts();
        }
        TenantRestoreLoad load = command.tenantLoad();
        if (load.activeSessions() >= load.maxActiveSessions()) {
            throw RestoreSessionRejected.tooManyActiveSessions(load.maxActiveSessions());
        }
        if (load.mailboxesInRestore() + artifacts.size() > load.maxMailboxesInRestore()) {
            throw RestoreSessionRejected.tooManyMailboxesInRestore(load.mailboxesInRestore(), artifacts.size(),
                    load.maxMailboxesInRestore());
        }
        apply(new RestoreSessionActivated(sessionId, tenantId, command.requestedAt()));
        // A copy: applying changes the artifacts' statuses while this loops.
        List.copyOf(artifacts.all()).forEach(artifact -> apply(new ArtifactRestoreScheduling(sessionId, tenantId,
                artifact.artifactId(), artifact.mailboxId(), command.requestedAt())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DeleteRestoreSession command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        if (status != RestoreSessionStatus.DRAFT) {
            throw RestoreSessionRejected.notAllowed("deleted", status);
        }
        apply(new RestoreSessionDeleted(sessionId, command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(ScheduleArtifactRestore command) {
        MailboxRestoreArtifact artifact = artifactAt(command.artifactId(), ArtifactRestoreStatus.SCHEDULING);
        Instant now = command.scheduledAt();
        if (command.competingSessionId() != null) {
            apply(new ArtifactRestoreFailed(sessionId, artifact.artifactId(),
                    ArtifactErrorCode.DUPLICATE_ARTIFACT_RESTORE_REQUEST,
                    "The mailbox of restore point '" + artifact.restorePointId()
                            + "' is already being restored by another active restore session ("
                            + command.competingSessionId() + ").", now));
        } else if (artifact.expiredAt(now)) {
            apply(expired(artifact, now));
        } else {
            apply(new ArtifactRestoreScheduled(sessionId, artifact.artifactId(), now));
        }
        followArtifacts(now);
    }

    @CommandHandler
    public void handle(StartArtifactRestore command) {
        MailboxRestoreArtifact artifact = artifactAt(command.artifactId(), ArtifactRestoreStatus.SCHEDULED);
        Instant now = command.startedAt();
        // A restore point may expire while its artifact waits for its turn.
        if (artifact.expiredAt(now)) {
            apply(expired(artifact, now));
        } else {
            apply(new ArtifactRestoreStarted(sessionId, tenantId, artifact.artifactId(), artifact.restorePointId(),
                    artifact.mailboxId(), artifact.destinationType(), now));
        }
        followArtifacts(now);
    }

    @CommandHandler
    public void handle(CompleteArtifactRestore command) {
        artifactAt(command.artifactId(), ArtifactRestoreStatus.IN_PROGRESS);
        apply(new ArtifactRestoreSucceeded(sessionId, command.artifactId(), command.restoredFolderId(),
                command.restoredFolderName(), command.restoredItemCount(), command.completedAt()));
        followArtifacts(command.completedAt());
    }

    @CommandHandler
    public void handle(FailArtifactRestore command) {
        MailboxRestoreArtifact artifact = artifacts.find(command.artifactId()).orElse(null);
        if (artifact == null || artifact.ended() || artifact.status() == ArtifactRestoreStatus.ADDED) {
            throw RestoreSessionRejected.notAtThatStep(command.artifactId(),
                    artifact == null ? null : artifact.status());
        }
        apply(new ArtifactRestoreFailed(sessionId, command.artifactId(), command.code(), command.message(),
                command.failedAt()));
        followArtifacts(command.failedAt());
    }

    @EventSourcingHandler
    void on(RestoreSessionCreated event) {
        sessionId = event.sessionId();
        tenantId = event.tenantId();
        status = RestoreSessionStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(MailboxArtifactAdded event) {
        artifacts.add(event);
    }

    @EventSourcingHandler
    void on(MailboxArtifactRemoved event) {
        artifacts.remove(event.artifactId());
    }

    @EventSourcingHandler
    void on(RestoreSessionActivated event) {
        status = RestoreSessionStatus.ACTIVATING;
    }

    @EventSourcingHandler
    void on(ArtifactRestoreScheduling event) {
        artifacts.moveTo(event.artifactId(), ArtifactRestoreStatus.SCHEDULING);
    }

    @EventSourcingHandler
    void on(ArtifactRestoreScheduled event) {
        artifacts.moveTo(event.artifactId(), ArtifactRestoreStatus.SCHEDULED);
    }

    @EventSourcingHandler
    void on(ArtifactRestoreStarted event) {
        artifacts.moveTo(event.artifactId(), ArtifactRestoreStatus.IN_PROGRESS);
    }

    @EventSourcingHandler
    void on(ArtifactRestoreSucceeded event) {
        artifacts.endAs(event.artifactId(), ArtifactRestoreStatus.SUCCEEDED, event.completedAt());
    }

    @EventSourcingHandler
    void on(ArtifactRestoreFailed event) {
        artifacts.endAs(event.artifactId(), ArtifactRestoreStatus.FAILED, event.failedAt());
    }

    @EventSourcingHandler
    void on(RestoreSessionStarted event) {
        status = RestoreSessionStatus.ACTIVE;
    }

    @EventSourcingHandler
    void on(RestoreSessionEnded event) {
        status = event.status();
    }

    @EventSourcingHandler
    void on(RestoreSessionDeleted event) {
        deleted = true;
    }

    /**
     * The session follows its artifacts (spec/api.md, Lifecycle): {@code active} once none is left in scheduling,
     * and ended once all have ended.
     */
    private void followArtifacts(Instant now) {
        if (status == RestoreSessionStatus.ACTIVATING && artifacts.noneScheduling()) {
            apply(new RestoreSessionStarted(sessionId, now));
        }
        if (status == RestoreSessionStatus.ACTIVE && artifacts.allEnded()) {
            int succeeded = artifacts.succeeded();
            int failed = artifacts.failed();
            RestoreSessionStatus end = failed == 0 ? RestoreSessionStatus.COMPLETED
                    : succeeded == 0 ? RestoreSessionStatus.FAILED
                    : RestoreSessionStatus.COMPLETED_WITH_ERROR;
            // Results are timed by whoever reports them and may arrive out of order: the session ends with the
            // last of its artifacts, never before one of them.
            apply(new RestoreSessionEnded(sessionId, end, succeeded, failed, artifacts.lastEndedAtOr(now)));
        }
    }

    private MailboxRestoreArtifact artifactAt(String artifactId, ArtifactRestoreStatus step) {
        MailboxRestoreArtifact artifact = artifacts.find(artifactId).orElse(null);
        if (artifact == null || artifact.status() != step) {
            throw RestoreSessionRejected.notAtThatStep(artifactId, artifact == null ? null : artifact.status());
        }
        return artifact;
    }

    private ArtifactRestoreFailed expired(MailboxRestoreArtifact artifact, Instant now) {
        return new ArtifactRestoreFailed(sessionId, artifact.artifactId(), ArtifactErrorCode.INVALID_RESTORE_TIME,
                "Restore point '" + artifact.restorePointId() + "' expired at " + artifact.restorePointExpiresAt()
                        + ", before its turn to be restored.", now);
    }

    private void requireTenant(String callerTenant) {
        // Another tenant's session is reported as missing, never as forbidden: no leak that it exists. A deleted
        // session is gone for everyone.
        if (deleted || !tenantId.equals(callerTenant)) {
            throw RestoreSessionRejected.notFound(sessionId);
        }
    }

    /**
     * A command that names the version its sender read ({@code @TargetAggregateVersion}, from HTTP's If-Match) is
     * refused when any event came after that version (spec/api.md, Errors, headers, paging: 412, nothing changes).
     * The repository checks the version as it loads the session, under the session's lock, and the event store's
     * unique sequence numbers catch a write of another node in between; this handler decides when: after the tenant,
     * so another tenant's session stays unknown to its caller, and before every other rule, as HTTP evaluates a
     * precondition before the request. Without an expected version, or with the current one, there is nothing to
     * detect.
     */
    private static void requireUnchangedSinceRead(ConflictResolver conflicts) {
        conflicts.detectConflicts(eventsSinceRead -> !eventsSinceRead.isEmpty());
    }

    private void requireDraft() {
        if (status != RestoreSessionStatus.DRAFT) {
            throw RestoreSessionRejected.notInDraft(status);
        }
    }

    private static MailboxArtifactAdded added(String sessionId, NewMailboxArtifact artifact, Instant addedAt) {
        return new MailboxArtifactAdded(sessionId, artifact.artifactId(), artifact.restorePointId(),
                artifact.mailboxId(), artifact.restorePointExpiresAt(), artifact.destinationType(), addedAt);
    }
}
