package com.m365backup.restore.session;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An Exchange restore session: the only place where its rules live (spec/api.md, Lifecycle and PATCH). Command
 * handlers check and apply; event sourcing handlers only remember, so that history always replays.
 *
 * <p>Handlers of existing sessions answer the session's version after the change (the sequence number of its last
 * event, counted from 0), so that the API can wait until the read side has caught up with the write it answers. The
 * read model keeps the same number as the session's etag, {@code W/"<version>"}, which a client names in If-Match.
 */
public class RestoreSession {

    @AggregateIdentifier
    private String sessionId;
    private String tenantId;
    private RestoreSessionStatus status;
    private DestinationType destinationType;
    private boolean deleted;

    @AggregateMember(eventForwardingMode = ForwardMatchingInstances.class)
    private final Map<String, MailboxRestoreArtifact> artifacts = new LinkedHashMap<>();

    protected RestoreSession() {
        // for event sourcing
    }

    @CommandHandler
    public RestoreSession(CreateRestoreSession command) {
        // Check the whole list first: a create is all or nothing.
        new CreationCheck(command).run();
        apply(new RestoreSessionCreated(command.sessionId(), command.tenantId(), command.requestedAt()));
        command.artifacts().forEach(artifact -> apply(added(command.sessionId(), artifact, command)));
    }

    @CommandHandler
    public long handle(AddMailboxArtifact command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        requireDraft();
        NewMailboxArtifact artifact = command.artifact();
        requireCatalogued(artifact);
        requireSameDestinationType(destinationType, artifact.destinationType());
        requireNewMailbox(artifact);
        requireNotExpired(artifact, command.requestedAt());
        if (artifacts.size() >= command.artifactLimit()) {
            throw RestoreSessionRejected.artifactLimitReached(command.artifactLimit());
        }
        apply(new MailboxArtifactAdded(sessionId, artifact.artifactId(), artifact.restorePointId(),
                artifact.mailboxId(), artifact.restorePointExpiresAt(), artifact.destinationType(),
                command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveMailboxArtifact command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        requireDraft();
        if (!artifacts.containsKey(command.artifactId())) {
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
        List.copyOf(artifacts.values()).forEach(artifact -> apply(new ArtifactRestoreScheduling(sessionId, tenantId,
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
        MailboxRestoreArtifact artifact = artifacts.get(command.artifactId());
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
        artifacts.put(event.artifactId(), new MailboxRestoreArtifact(event));
        destinationType = event.destinationType();
    }

    @EventSourcingHandler
    void on(MailboxArtifactRemoved event) {
        artifacts.remove(event.artifactId());
        if (artifacts.isEmpty()) {
            destinationType = null;
        }
    }

    @EventSourcingHandler
    void on(RestoreSessionActivated event) {
        status = RestoreSessionStatus.ACTIVATING;
    }

    @EventSourcingHandler
    void on(ArtifactRestoreScheduling event) {
        artifacts.get(event.artifactId()).moveTo(ArtifactRestoreStatus.SCHEDULING);
    }

    @EventSourcingHandler
    void on(ArtifactRestoreScheduled event) {
        artifacts.get(event.artifactId()).moveTo(ArtifactRestoreStatus.SCHEDULED);
    }

    @EventSourcingHandler
    void on(ArtifactRestoreStarted event) {
        artifacts.get(event.artifactId()).moveTo(ArtifactRestoreStatus.IN_PROGRESS);
    }

    @EventSourcingHandler
    void on(ArtifactRestoreSucceeded event) {
        artifacts.get(event.artifactId()).endAs(ArtifactRestoreStatus.SUCCEEDED, event.completedAt());
    }

    @EventSourcingHandler
    void on(ArtifactRestoreFailed event) {
        artifacts.get(event.artifactId()).endAs(ArtifactRestoreStatus.FAILED, event.failedAt());
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
        if (status == RestoreSessionStatus.ACTIVATING && artifacts.values().stream()
                .noneMatch(artifact -> artifact.status() == ArtifactRestoreStatus.SCHEDULING)) {
            apply(new RestoreSessionStarted(sessionId, now));
        }
        if (status == RestoreSessionStatus.ACTIVE
                && artifacts.values().stream().allMatch(MailboxRestoreArtifact::ended)) {
            int succeeded = (int) artifacts.values().stream()
                    .filter(artifact -> artifact.status() == ArtifactRestoreStatus.SUCCEEDED).count();
            int failed = artifacts.size() - succeeded;
            RestoreSessionStatus end = failed == 0 ? RestoreSessionStatus.COMPLETED
                    : succeeded == 0 ? RestoreSessionStatus.FAILED
                    : RestoreSessionStatus.COMPLETED_WITH_ERROR;
            // Results are timed by whoever reports them and may arrive out of order: the session ends with the
            // last of its artifacts, never before one of them.
            Instant completedAt = artifacts.values().stream()
                    .map(MailboxRestoreArtifact::endedAt)
                    .reduce(now, (latest, ended) -> ended.isAfter(latest) ? ended : latest);
            apply(new RestoreSessionEnded(sessionId, end, succeeded, failed, completedAt));
        }
    }

    private MailboxRestoreArtifact artifactAt(String artifactId, ArtifactRestoreStatus step) {
        MailboxRestoreArtifact artifact = artifacts.get(artifactId);
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

    private static void requireCatalogued(NewMailboxArtifact artifact) {
        if (!artifact.catalogued()) {
            throw RestoreSessionRejected.unknownRestorePoint(artifact.restorePointId());
        }
    }

    private void requireNewMailbox(NewMailboxArtifact artifact) {
        boolean taken = artifacts.values().stream()
                .anyMatch(existing -> existing.mailboxId().equals(artifact.mailboxId()));
        if (taken) {
            throw RestoreSessionRejected.mailboxAlreadyInSession(artifact.restorePointId());
        }
    }

    private static void requireSameDestinationType(DestinationType sessionType, DestinationType requested) {
        if (sessionType != null && sessionType != requested) {
            throw RestoreSessionRejected.differentDestinationType(sessionType, requested);
        }
    }

    private static void requireNotExpired(NewMailboxArtifact artifact, Instant now) {
        if (artifact.restorePointExpiresAt() != null && !artifact.restorePointExpiresAt().isAfter(now)) {
            throw RestoreSessionRejected.restorePointExpired(artifact.restorePointId());
        }
    }

    private static MailboxArtifactAdded added(String sessionId, NewMailboxArtifact artifact,
                                              CreateRestoreSession command) {
        return new MailboxArtifactAdded(sessionId, artifact.artifactId(), artifact.restorePointId(),
                artifact.mailboxId(), artifact.restorePointExpiresAt(), artifact.destinationType(),
                command.requestedAt());
    }

    /** The rules of adding, applied to a whole create request before anything is applied. */
    private record CreationCheck(CreateRestoreSession command) {
        void run() {
            DestinationType sessionType = null;
            Set<String> mailboxes = new HashSet<>();
            for (NewMailboxArtifact artifact : command.artifacts()) {
                requireCatalogued(artifact);
                requireSameDestinationType(sessionType, artifact.destinationType());
                sessionType = artifact.destinationType();
                if (!mailboxes.add(artifact.mailboxId())) {
                    throw RestoreSessionRejected.mailboxAlreadyInSession(artifact.restorePointId());
                }
                requireNotExpired(artifact, command.requestedAt());
            }
        }
    }
}
