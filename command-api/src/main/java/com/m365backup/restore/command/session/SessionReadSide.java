package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.query.AwaitRestoreSessionGone;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.domain.query.BulkAdditionRequestList;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.ListBulkAdditionRequests;
import com.m365backup.restore.domain.query.RestoreSessionView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;

import static com.m365backup.restore.command.QueryAnswers.join;

/**
 * The read side as a write needs it (docs/design.md, The read path): a write answers only once the read side shows it,
 * so that a GET right after the answer shows the write.
 */
@Component
class SessionReadSide {

    private static final Logger log = LoggerFactory.getLogger(SessionReadSide.class);

    private final QueryGateway queryGateway;

    SessionReadSide(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /**
     * Waits until the read side shows the session at {@code version} or later; false when it gave up waiting, or could
     * not look: the write is committed by then, so its answer must be a success (202 when not shown), never an error
     * (docs/api.md, Answers that never contradict the store).
     */
    boolean awaitVersion(String sessionId, long version) {
        try {
            Boolean shown = join(queryGateway.query(new AwaitRestoreSessionVersion(sessionId, version), Boolean.class));
            if (!Boolean.TRUE.equals(shown)) {
                log.warn("The read side did not show version {} of restore session {} in time", version, sessionId);
                return false;
            }
            return true;
        } catch (RuntimeException unreadable) {
            log.warn("The read side could not be asked whether it shows version {} of restore session {}: {}",
                    version, sessionId, unreadable.toString());
            return false;
        }
    }

    /** Waits until the read side no longer shows a deleted session; false when it gave up waiting or could not look. */
    boolean awaitGone(String sessionId) {
        try {
            Boolean gone = join(queryGateway.query(new AwaitRestoreSessionGone(sessionId), Boolean.class));
            if (!Boolean.TRUE.equals(gone)) {
                log.warn("The read side still showed deleted restore session {} when the wait ended", sessionId);
                return false;
            }
            return true;
        } catch (RuntimeException unreadable) {
            log.warn("The read side could not be asked whether it still shows deleted restore session {}: {}",
                    sessionId, unreadable.toString());
            return false;
        }
    }

    /** How the read side shows the session now; empty when it does not, or could not be asked. */
    Optional<RestoreSessionView> findAfterWrite(String tenantId, String sessionId, boolean expandArtifacts) {
        try {
            return find(tenantId, sessionId, expandArtifacts);
        } catch (RuntimeException unreadable) {
            log.warn("The read side could not be asked for restore session {} after a write: {}", sessionId,
                    unreadable.toString());
            return Optional.empty();
        }
    }

    /** How the read side shows a bulk addition request of the session now; empty when it does not or could not say. */
    Optional<BulkAdditionRequestView> findBulkRequestAfterWrite(String tenantId, String sessionId, String requestId) {
        try {
            return join(queryGateway.query(new ListBulkAdditionRequests(tenantId, sessionId, true),
                    ResponseTypes.instanceOf(BulkAdditionRequestList.class)))
                    .requests().stream()
                    .filter(request -> request.id().equals(requestId))
                    .findFirst();
        } catch (RuntimeException unreadable) {
            log.warn("The read side could not be asked for bulk addition request {} of restore session {} after a"
                    + " write: {}", requestId, sessionId, unreadable.toString());
            return Optional.empty();
        }
    }

    Optional<RestoreSessionView> find(String tenantId, String sessionId) {
        return find(tenantId, sessionId, true);
    }

    private Optional<RestoreSessionView> find(String tenantId, String sessionId, boolean expandArtifacts) {
        return join(queryGateway.query(new FindRestoreSession(tenantId, sessionId, expandArtifacts),
                ResponseTypes.optionalInstanceOf(RestoreSessionView.class)));
    }
}
