package com.m365backup.restore.domain.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.eventsourcing.conflictresolution.ConflictResolver;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.serialization.Revision;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An Exchange restore session: the only place where its rules live (docs/api.md, Lifecycle, PATCH, Bulk addition
 * requests, Granular restore and Retention). Command handlers check and apply; event sourcing handlers only
 * remember, so that history always replays.
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
 * its events. Revision 2 added its kind, its bulk addition request, when it ended and whether it was retired, and a
 * granular artifact's query.
 */
@Revision("2")
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
public class RestoreSession {

    @AggregateIdentifier
    private String sessionId;
    private String tenantId;
    private RestoreSessionStatus status;
    private boolean deleted;
    /** Gone from every Graph path after the retention; its history stays (docs/api.md, Retention). */
    private boolean retired;
    private RestoreJobType jobType;
    /** When it ended; null while it has not. */
    private Instant endedAt;
    private final SessionArtifacts artifacts = new SessionArtifacts();
    /** Its bulk addition request (docs/api.md, Bulk addition requests): null when it has none. */
    private String bulkRequestId;
    private DestinationType bulkDestinationType;
    private BulkAdditionRequestStatus bulkRequestStatus;
    private boolean bulkRequestDeleted;

    protected RestoreSession() {
        // for event sourcing
    }

    @CommandHandler
    public RestoreSession(CreateRestoreSession command) {
        // The whole list is checked first, by the rules of adding, against the session it would make: a create is all
        // or nothing.
        if (!command.artifacts().isEmpty() && !command.granularArtifacts().isEmpty()) {
            throw RestoreSessionRejected.mixedArtifactKinds();
        }
        // The catalog is a create's first question: a restore point it does not hold refuses the create, whichever
        // artifact names it, before the other rules are asked of any artifact.
        Stream.concat(command.artifacts().stream(),
                        command.granularArtifacts().stream().map(NewGranularArtifact::artifact))
                .filter(artifact -> !artifact.catalogued())
                .findFirst()
                .ifPresent(unknown -> {
                    throw RestoreSessionRejected.unknownRestorePoint(unknown.restorePointId());
                });
        SessionArtifacts created = new SessionArtifacts();
        List<RestoreSessionEvent> additions = new ArrayList<>();
        for (NewMailboxArtifact artifact : command.artifacts()) {
            created.requireAddable(artifact, command.requestedAt(), Integer.MAX_VALUE);
            MailboxArtifactAdded added = added(command.sessionId(), artifact, command.requestedAt());
            created.add(added);
            additions.add(added);
        }
        for (NewGranularArtifact granular : command.granularArtifacts()) {
            created.requireAddable(granular.artifact(), command.requestedAt(), Integer.MAX_VALUE);
            requireUsable(granular, command.requestedAt());
            GranularMailboxArtifactAdded added = granularAdded(command.sessionId(), granular, command.requestedAt());
            created.add(added);
            additions.add(added);
        }
        apply(new RestoreSessionCreated(command.sessionId(), command.tenantId(), command.requestedAt()));
        additions.forEach(AggregateLifecycle::apply);
    }

    @CommandHandler
    public long handle(AddMailboxArtifact command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        requireDraft();
        requireArtifactsOneByOne();
        artifacts.requireAddable(command.artifact(), command.requestedAt(), command.artifactLimit());
        apply(added(sessionId, command.artifact(), command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveMailboxArtifact command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        requireDraft();
        requireArtifactsOneByOne();
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
        List<MailboxArtifactAdded> resolved = resolvedArtifacts(command.bulkResolution(), command.requestedAt());
        if (artifacts.isEmpty() && resolved.isEmpty()) {
            throw RestoreSessionRejected.noArtifacts();
        }
        int mailboxes = artifacts.size() + resolved.size();
        TenantRestoreLoad load = command.tenantLoad();
        int maxMailboxes = jobType == RestoreJobType.BULK ? load.maxMailboxesInBulkRestore()
                : load.maxMailboxesInRestore();
        if (load.activeSessions() >= load.maxActiveSessions()) {
            throw RestoreSessionRejected.tooManyActiveSessions(load.maxActiveSessions());
        }
        if (load.mailboxesInRestore() + mailboxes > maxMailboxes) {
            throw RestoreSessionRejected.tooManyMailboxesInRestore(load.mailboxesInRestore(), mailboxes, maxMailboxes);
        }
        if (jobType == RestoreJobType.BULK) {
            resolved.forEach(AggregateLifecycle::apply);
            BulkResolution resolution = command.bulkResolution();
            apply(new BulkAdditionRequestResolved(sessionId, bulkRequestId, resolution.unresolved().isEmpty()
                    ? BulkAdditionRequestStatus.COMPLETED : BulkAdditionRequestStatus.COMPLETED_WITH_ERRORS,
                    resolved.size(), resolution.unresolved(), command.requestedAt()));
        }
        apply(new RestoreSessionActivated(sessionId, tenantId, command.requestedAt()));
        // A copy: applying changes the artifacts' statuses while this loops.
        List.copyOf(artifacts.all()).forEach(artifact -> apply(new ArtifactRestoreScheduling(sessionId, tenantId,
                artifact.artifactId(), artifact.mailboxId(), command.requestedAt())));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(CreateBulkAdditionRequest command, ConflictResolver conflicts) {
        requireTenant(command.tenantId());
        requireUnchangedSinceRead(conflicts);
        if (status != RestoreSessionStatus.DRAFT) {
            throw RestoreSessionRejected.notAllowed("given a bulk addition request", status);
        }
        if (bulkRequestId != null) {
            throw RestoreSessionRejected.bulkRequestExists(bulkRequestId);
        }
        if (!artifacts.isEmpty()) {
            throw RestoreSessionRejected.sessionHoldsArtifacts(jobType);
        }
        apply(new BulkAdditionRequestCreated(sessionId, command.requestId(), command.displayName(),
                command.mailboxes(), command.directoryObjectIds(), command.protectedFrom(), command.protectedUntil(),
                command.destinationType(), command.preference(), command.tag(), command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(DeleteBulkAdditionRequest command) {
        requireTenant(command.tenantId());
        if (bulkRequestId == null || bulkRequestDeleted || !bulkRequestId.equals(command.requestId())) {
            throw RestoreSessionRejected.bulkRequestNotFound(command.requestId());
        }
        if (bulkRequestStatus == BulkAdditionRequestStatus.ACTIVE) {
            throw RestoreSessionRejected.bulkRequestNotResolvedYet(bulkRequestId);
        }
        apply(new BulkAdditionRequestDeleted(sessionId, bulkRequestId, command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public void handle(RetireRestoreSession command) {
        if (deleted || retired) {
            throw RestoreSessionRejected.notFound(sessionId);
        }
        if (!status.ended() || endedAt.plus(command.retention()).isAfter(command.requestedAt())) {
            throw RestoreSessionRejected.notRetirableYet(status);
        }
        apply(new RestoreSessionRetired(sessionId, command.requestedAt()));
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
                    artifact.mailboxId(), artifact.destinationType(), now, artifact.artifactQuery()));
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
        jobType = RestoreJobType.STANDARD;
    }

    @EventSourcingHandler
    void on(MailboxArtifactAdded event) {
        artifacts.add(event);
    }

    @EventSourcingHandler
    void on(GranularMailboxArtifactAdded event) {
        artifacts.add(event);
        jobType = RestoreJobType.GRANULAR;
    }

    @EventSourcingHandler
    void on(BulkAdditionRequestCreated event) {
        bulkRequestId = event.requestId();
        bulkDestinationType = event.destinationType();
        bulkRequestStatus = BulkAdditionRequestStatus.ACTIVE;
        jobType = RestoreJobType.BULK;
    }

    @EventSourcingHandler
    void on(BulkAdditionRequestResolved event) {
        bulkRequestStatus = event.status();
    }

    @EventSourcingHandler
    void on(BulkAdditionRequestDeleted event) {
        bulkRequestDeleted = true;
    }

    @EventSourcingHandler
    void on(RestoreSessionRetired event) {
        retired = true;
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
        endedAt = event.completedAt();
    }

    @EventSourcingHandler
    void on(RestoreSessionDeleted event) {
        deleted = true;
    }

    /**
     * The session follows its artifacts (docs/api.md, Lifecycle): {@code active} once none is left in scheduling,
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
        // Another tenant's session is reported as missing, never as forbidden: no leak that it exists. A deleted or
        // retired session is gone for everyone.
        if (deleted || retired || !tenantId.equals(callerTenant)) {
            throw RestoreSessionRejected.notFound(sessionId);
        }
    }

    /**
     * A command that names the version its sender read ({@code @TargetAggregateVersion}, from HTTP's If-Match) is
     * refused when any event came after that version (docs/api.md, Errors, headers, paging: 412, nothing changes).
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

    /**
     * A bulk session's artifacts and a granular session's are not changed one by one (docs/api.md, Bulk addition
     * requests and Granular restore): a PATCH of either is refused whole.
     */
    private void requireArtifactsOneByOne() {
        if (jobType != RestoreJobType.STANDARD) {
            throw RestoreSessionRejected.notThatKindOfSession(jobType);
        }
    }

    /**
     * The artifacts a bulk session's activation adds, checked by the rules of adding (as a create's are) before any
     * is applied; none for a session without a bulk addition request. The resolution must be of this session's
     * request, and resolve at least one mailbox (docs/api.md: otherwise the activation is refused, nothing changes).
     */
    private List<MailboxArtifactAdded> resolvedArtifacts(BulkResolution resolution, Instant now) {
        if (jobType != RestoreJobType.BULK) {
            if (resolution != null) {
                throw RestoreSessionRejected.bulkRequestNotFound(resolution.requestId());
            }
            return List.of();
        }
        if (resolution == null || !resolution.requestId().equals(bulkRequestId)) {
            throw RestoreSessionRejected.bulkResolutionMissing(bulkRequestId);
        }
        if (resolution.artifacts().isEmpty()) {
            throw RestoreSessionRejected.noneResolved(resolution.unresolved().size());
        }
        SessionArtifacts resolved = new SessionArtifacts();
        List<MailboxArtifactAdded> additions = new ArrayList<>(resolution.artifacts().size());
        for (NewMailboxArtifact artifact : resolution.artifacts()) {
            if (artifact.destinationType() != bulkDestinationType) {
                throw RestoreSessionRejected.differentDestinationType(bulkDestinationType, artifact.destinationType());
            }
            resolved.requireAddable(artifact, now, Integer.MAX_VALUE);
            MailboxArtifactAdded added = added(sessionId, artifact, now);
            resolved.add(added);
            additions.add(added);
        }
        return additions;
    }

    /**
     * A granular artifact names a search the tenant made, still within its retention, for the artifact's restore
     * point (docs/api.md, Granular restore: otherwise {@code InvalidSearchRequest}, and the create is refused whole).
     */
    private static void requireUsable(NewGranularArtifact granular, Instant now) {
        GranularSearch search = granular.search();
        String restorePointId = granular.artifact().restorePointId();
        if (search == null) {
            throw RestoreSessionRejected.unusableSearch("Search response '" + granular.searchResponseId()
                    + "' is unknown; search the restore points with an artifactQuery first.");
        }
        if (!search.expiresAt().isAfter(now)) {
            throw RestoreSessionRejected.unusableSearch("Search response '" + granular.searchResponseId()
                    + "' expired at " + search.expiresAt() + "; search again.");
        }
        if (!search.restorePointIds().contains(restorePointId)) {
            throw RestoreSessionRejected.unusableSearch("Search response '" + granular.searchResponseId()
                    + "' did not find restore point '" + restorePointId + "'.");
        }
    }

    private static GranularMailboxArtifactAdded granularAdded(String sessionId, NewGranularArtifact granular,
                                                              Instant addedAt) {
        NewMailboxArtifact artifact = granular.artifact();
        return new GranularMailboxArtifactAdded(sessionId, artifact.artifactId(), artifact.restorePointId(),
                artifact.mailboxId(), artifact.restorePointExpiresAt(), artifact.destinationType(),
                granular.searchResponseId(), granular.search().query(), addedAt);
    }

    private static MailboxArtifactAdded added(String sessionId, NewMailboxArtifact artifact, Instant addedAt) {
        return new MailboxArtifactAdded(sessionId, artifact.artifactId(), artifact.restorePointId(),
                artifact.mailboxId(), artifact.restorePointExpiresAt(), artifact.destinationType(), addedAt);
    }
}
