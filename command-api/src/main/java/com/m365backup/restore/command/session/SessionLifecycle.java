package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.domain.query.BulkMailboxResolution;
import com.m365backup.restore.domain.query.MeasureTenantRestoreLoad;
import com.m365backup.restore.domain.query.ResolveBulkAdditionRequest;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.query.TenantRestoresInProgress;
import com.m365backup.restore.domain.session.ActivateRestoreSession;
import com.m365backup.restore.domain.session.BulkResolution;
import com.m365backup.restore.domain.session.DeleteRestoreSession;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.TenantRestoreLoad;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.UUID;

/**
 * Activates and deletes sessions, each as one command on the session (docs/api.md, Lifecycle); the aggregate decides,
 * {@link SessionCommands} translates its rejections into Graph's codes.
 *
 * <p>The tenant limits span every session of the tenant, so no one aggregate can count them: activation measures the
 * tenant's load on the read model first and sends it in the command, where the aggregate compares it with the limits.
 * The read model may lag a moment behind, and two activations at the same instant may both pass; the limits protect
 * capacity, not an invariant, so this is accepted (docs/design.md, Design decisions).
 *
 * <p>A bulk session's mailboxes are resolved against the restore point catalog as it is activated (docs/api.md, Bulk
 * addition requests): the catalog answers one restore point per mailbox it can, and the activation carries them as
 * the artifacts to add, with their ids made here; the session checks that the resolution is of its own request.
 */
@Component
class SessionLifecycle {

    private final SessionCommands sessions;
    private final QueryGateway queryGateway;
    private final SessionReadSide readSide;
    private final ActivationLimits limits;

    SessionLifecycle(SessionCommands sessions, QueryGateway queryGateway, SessionReadSide readSide,
                     ActivationLimits limits) {
        this.sessions = sessions;
        this.queryGateway = queryGateway;
        this.readSide = readSide;
        this.limits = limits;
    }

    /**
     * The session as the read side shows it after activation, or empty when it did not show it in time.
     *
     * @param expectedVersion the version the client read (If-Match), or null; the session refuses the activation
     *                        when it has moved on since (412)
     */
    Optional<RestoreSessionView> activate(String sessionId, CommandOrigin origin, Long expectedVersion) {
        TenantRestoresInProgress load = queryGateway.query(new MeasureTenantRestoreLoad(origin.tenantId()),
                ResponseTypes.instanceOf(TenantRestoresInProgress.class)).join();
        BulkResolution resolution = queryGateway.query(
                        new ResolveBulkAdditionRequest(origin.tenantId(), sessionId, origin.requestedAt()),
                        ResponseTypes.optionalInstanceOf(BulkMailboxResolution.class))
                .join()
                .map(SessionLifecycle::resolution)
                .orElse(null);
        ActivateRestoreSession activation = new ActivateRestoreSession(sessionId, origin.tenantId(),
                new TenantRestoreLoad(load.activeSessions(), limits.maxActiveSessions(), load.mailboxesInRestore(),
                        limits.maxMailboxesInRestore(), limits.maxMailboxesInBulkRestore()),
                resolution, origin.requestedAt(), expectedVersion);
        long version = sessions.write(sessionId, origin, () -> sessions.send(sessionId, activation, origin));
        if (!readSide.awaitVersion(sessionId, version)) {
            return Optional.empty();
        }
        return readSide.findAfterWrite(origin.tenantId(), sessionId, false);
    }

    private static BulkResolution resolution(BulkMailboxResolution resolved) {
        return new BulkResolution(resolved.requestId(), resolved.resolved().stream()
                .map(mailbox -> new NewMailboxArtifact(UUID.randomUUID().toString(), mailbox.restorePointId(),
                        mailbox.protectionUnitId(), mailbox.expiresAt(), resolved.destinationType()))
                .toList(), resolved.unresolved());
    }

    /** Deletes the session; false when the read side still showed it when the wait ended (it will not for long). */
    boolean delete(String sessionId, CommandOrigin origin, Long expectedVersion) {
        DeleteRestoreSession deletion = new DeleteRestoreSession(sessionId, origin.tenantId(), origin.requestedAt(),
                expectedVersion);
        sessions.write(sessionId, origin, () -> sessions.send(sessionId, deletion, origin));
        return readSide.awaitGone(sessionId);
    }
}
