package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.CommandRetries;
import com.m365backup.restore.command.StoredEvents;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.messaging.unitofwork.DefaultUnitOfWork;
import org.axonframework.messaging.unitofwork.UnitOfWork;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.function.Supplier;

/**
 * Where every write of the API meets a session: its commands, one for each thing the client asked (each delta item
 * an {@code AddMailboxArtifact} or {@code RemoveMailboxArtifact}), run in one unit of work with one transaction, so
 * that the session is loaded once and its events are appended in one commit however many commands a request sends;
 * and the one translation of what the session answers into Graph's terms.
 *
 * <p>A rejected command applied nothing (the session checks every rule before its first event) and does not roll
 * the others back; the write's own caller decides whether it refuses the whole request or reports that item. A write
 * that loses the race for the session's next sequence number to another node changed nothing: it is run again,
 * whole, against the session's new state, and after {@link CommandRetries#maxRetries()} tries the client is asked to
 * retry (503 {@code ServiceUnavailable} with {@code Retry-After}), never answered 500. A commit whose outcome the
 * database left unknown (the connection broke as it committed) is settled by asking the event store whether the
 * write's last event is there: a write that was stored is answered as such, whatever broke after.
 */
@Component
class SessionCommands {

    /** How long a client that met a busy session is asked to wait: the race is over in milliseconds. */
    private static final Duration BUSY_RETRY_AFTER = Duration.ofSeconds(1);
    private static final String LAST_EVENT = SessionCommands.class.getName() + ".lastEvent";

    private final CommandGateway commandGateway;
    private final TransactionManager transactionManager;
    private final CommandRetries retries;
    private final SessionPreconditions preconditions;
    private final StoredEvents storedEvents;

    SessionCommands(CommandGateway commandGateway, TransactionManager transactionManager, CommandRetries retries,
                    SessionPreconditions preconditions, StoredEvents storedEvents) {
        this.commandGateway = commandGateway;
        this.transactionManager = transactionManager;
        this.retries = retries;
        this.preconditions = preconditions;
        this.storedEvents = storedEvents;
    }

    /**
     * Runs one write: {@code commands} sends its commands with {@link #send}; they commit together or not at all. A
     * rejection that escapes {@code commands} refuses the request with its Graph status and code; a version the
     * client named that the session has moved past (If-Match) with 412.
     *
     * @return what {@code commands} answered, once committed
     */
    <R> R write(String sessionId, CommandOrigin origin, Supplier<R> commands) {
        for (int attempt = 0; ; attempt++) {
            UnitOfWork<?> unitOfWork = DefaultUnitOfWork.startAndGet(null);
            unitOfWork.attachTransaction(transactionManager);
            R answer;
            try {
                answer = commands.get();
            } catch (RuntimeException refused) {
                unitOfWork.rollback(refused);
                throw refusal(refused, sessionId, origin);
            }
            Long lastEvent = unitOfWork.getResource(LAST_EVENT);
            try {
                unitOfWork.commit();
                return answer;
            } catch (RuntimeException notCommitted) {
                if (!lostRace(notCommitted)) {
                    if (lastEvent != null && stored(sessionId, lastEvent, origin)) {
                        return answer;
                    }
                    throw notCommitted;
                }
                if (attempt >= retries.maxRetries()) {
                    throw busy();
                }
            }
            pause(attempt + 1);
        }
    }

    /**
     * Sends one command of the current write and answers the session's version after it (the sequence number of its
     * last event; -1 for a creation, whose handler answers the new session's id). A rejection comes back as the
     * session's {@link RestoreSessionRejected}; a session that does not exist at all is rejected in the same words
     * as one that is another tenant's.
     */
    long send(String sessionId, Object command, CommandOrigin origin) {
        try {
            Object answer = commandGateway.sendAndWait(command, origin.metaData());
            long version = answer instanceof Number number ? number.longValue() : -1;
            // A creation's handler answers the new session's id; its first event is the session's sequence 0.
            long lastEvent = answer instanceof Number ? version : 0;
            CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().resources().merge(LAST_EVENT, lastEvent,
                    (before, now) -> Math.max((Long) before, (Long) now)));
            return version;
        } catch (AggregateNotFoundException notFound) {
            throw RestoreSessionRejected.notFound(sessionId);
        }
    }

    /** Whether the write's last event is in the store after all, stored by this very request. */
    private boolean stored(String sessionId, long lastEvent, CommandOrigin origin) {
        Object requestId = origin.metaData().get(CallerMetaData.REQUEST_ID);
        if (requestId == null) {
            return false;
        }
        try {
            return storedEvents.storedBy(sessionId, lastEvent, requestId.toString());
        } catch (RuntimeException unknown) {
            return false;
        }
    }

    private RuntimeException refusal(RuntimeException failure, String sessionId, CommandOrigin origin) {
        if (failure instanceof RestoreSessionRejected rejected) {
            return GraphRejection.of(rejected.rejection()).refusal(rejected.getMessage());
        }
        if (failure instanceof ConflictingAggregateVersionException conflict) {
            return preconditions.refusal(conflict, sessionId, origin);
        }
        return failure;
    }

    private static boolean lostRace(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof ConcurrencyException) {
                return true;
            }
        }
        return false;
    }

    private static RequestRefused busy() {
        return RequestRefused.busy("ServiceUnavailable",
                "The restore session was being changed by other requests at the same moment; nothing of this request"
                        + " was applied. Send it again.", BUSY_RETRY_AFTER);
    }

    private void pause(int retry) {
        try {
            Thread.sleep(retries.pauseBefore(retry).toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw busy();
        }
    }
}
