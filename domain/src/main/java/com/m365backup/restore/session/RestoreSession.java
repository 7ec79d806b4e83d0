package com.m365backup.restore.session;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.AggregateLifecycle;
import org.axonframework.modelling.command.AggregateMember;
import org.axonframework.modelling.command.ForwardMatchingInstances;

import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

/**
 * An Exchange restore session: the only place where its rules live (spec/api.md, Lifecycle and PATCH). Command
 * handlers check and apply; event sourcing handlers only remember, so that history always replays.
 *
 * <p>Handlers of existing sessions answer the session's version after the change (the sequence number of its last
 * event), so that the API can wait until the read side has caught up with the write it answers.
 */
public class RestoreSession {

    @AggregateIdentifier
    private String sessionId;
    private String tenantId;
    private RestoreSessionStatus status;
    private DestinationType destinationType;

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
    public long handle(AddMailboxArtifact command) {
        requireTenant(command.tenantId());
        requireDraft();
        NewMailboxArtifact artifact = command.artifact();
        requireSameDestinationType(destinationType, artifact.destinationType());
        requireNewMailbox(artifact);
        requireNotExpired(artifact, command.requestedAt());
        apply(new MailboxArtifactAdded(sessionId, artifact.artifactId(), artifact.restorePointId(),
                artifact.mailboxId(), artifact.restorePointExpiresAt(), artifact.destinationType(),
                command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @CommandHandler
    public long handle(RemoveMailboxArtifact command) {
        requireTenant(command.tenantId());
        requireDraft();
        if (!artifacts.containsKey(command.artifactId())) {
            throw RestoreSessionRejected.unknownArtifact(command.artifactId());
        }
        apply(new MailboxArtifactRemoved(sessionId, command.artifactId(), command.reason(), command.requestedAt()));
        return AggregateLifecycle.getVersion();
    }

    @EventSourcingHandler
    void on(RestoreSessionCreated event) {
        sessionId = event.sessionId();
        tenantId = event.tenantId();
        status = RestoreSessionStatus.DRAFT;
    }

    @EventSourcingHandler
    void on(MailboxArtifactAdded event) {
        artifacts.put(event.artifactId(), new MailboxRestoreArtifact(event.artifactId(), event.mailboxId()));
        destinationType = event.destinationType();
    }

    @EventSourcingHandler
    void on(MailboxArtifactRemoved event) {
        artifacts.remove(event.artifactId());
        if (artifacts.isEmpty()) {
            destinationType = null;
        }
    }

    private void requireTenant(String callerTenant) {
        // Another tenant's session is reported as missing, never as forbidden: no leak that it exists.
        if (!tenantId.equals(callerTenant)) {
            throw RestoreSessionRejected.notFound(sessionId);
        }
    }

    private void requireDraft() {
        if (status != RestoreSessionStatus.DRAFT) {
            throw RestoreSessionRejected.notInDraft(status);
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
