package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.RequestRefused;
import com.m365backup.restore.query.AwaitRestoreSessionGone;
import com.m365backup.restore.query.FindRestoreSession;
import com.m365backup.restore.query.MeasureTenantRestoreLoad;
import com.m365backup.restore.query.RestoreSessionView;
import com.m365backup.restore.query.TenantRestoresInProgress;
import com.m365backup.restore.session.ActivateRestoreSession;
import com.m365backup.restore.session.DeleteRestoreSession;
import com.m365backup.restore.session.RestoreSessionRejected;
import com.m365backup.restore.session.TenantRestoreLoad;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.Optional;

/**
 * Activates and deletes sessions, each as one command on the session (spec/api.md, Lifecycle); the aggregate decides,
 * this class translates its rejections into Graph's codes.
 *
 * <p>The tenant limits span every session of the tenant, so no one aggregate can count them: activation measures the
 * tenant's load on the read model first and sends it in the command, where the aggregate compares it with the limits.
 * The read model may lag a moment behind, and two activations at the same instant may both pass; the limits protect
 * capacity, not an invariant, so this is accepted (README, Design decisions).
 */
@Component
class SessionLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SessionLifecycle.class);

    private final CommandGateway commandGateway;
    private final QueryGateway queryGateway;
    private final SessionReadSide readSide;
    private final ActivationLimits limits;
    private final SessionPreconditions preconditions;

    SessionLifecycle(CommandGateway commandGateway, QueryGateway queryGateway, SessionReadSide readSide,
                     ActivationLimits limits, SessionPreconditions preconditions) {
        this.commandGateway = commandGateway;
        this.queryGateway = queryGateway;
        this.readSide = readSide;
        this.limits = limits;
        this.preconditions = preconditions;
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
        long version = send(sessionId, new ActivateRestoreSession(sessionId, origin.tenantId(),
                new TenantRestoreLoad(load.activeSessions(), limits.maxActiveSessions(), load.mailboxesInRestore(),
                        limits.maxMailboxesInRestore()),
                origin.requestedAt(), expectedVersion), origin);
        readSide.awaitVersion(sessionId, version);
        return queryGateway.query(new FindRestoreSession(origin.tenantId(), sessionId, false),
                ResponseTypes.optionalInstanceOf(RestoreSessionView.class)).join();
    }

    void delete(String sessionId, CommandOrigin origin, Long expectedVersion) {
        send(sessionId, new DeleteRestoreSession(sessionId, origin.tenantId(), origin.requestedAt(), expectedVersion),
                origin);
        Boolean gone = queryGateway.query(new AwaitRestoreSessionGone(sessionId), Boolean.class).join();
        if (!Boolean.TRUE.equals(gone)) {
            log.warn("The read side still showed deleted restore session {} when the wait ended", sessionId);
        }
    }

    private long send(String sessionId, Object command, CommandOrigin origin) {
        try {
            Number version = commandGateway.sendAndWait(command, origin.metaData());
            return version.longValue();
        } catch (RestoreSessionRejected rejected) {
            GraphRejection rejection = GraphRejection.of(rejected.rejection());
            throw new RequestRefused(rejection.status(), rejection.code(), rejected.getMessage());
        } catch (AggregateNotFoundException notFound) {
            // Axon's own message speaks of its event store: the caller gets a sentence about its session.
            throw new RequestRefused(HttpStatus.NOT_FOUND, GraphRejection.sessionNotFound().code(),
                    "Restore session '" + sessionId + "' was not found.");
        } catch (ConflictingAggregateVersionException conflict) {
            throw preconditions.refusal(conflict, sessionId, origin);
        }
    }
}
