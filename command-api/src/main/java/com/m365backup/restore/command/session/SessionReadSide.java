package com.m365backup.restore.command.session;

import com.m365backup.restore.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.query.FindRestoreSession;
import com.m365backup.restore.query.RestoreSessionView;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * The read side as a write needs it (DESIGN.md, read-your-writes): a write answers only once the read side shows it,
 * so that a GET right after the answer shows the write.
 */
@Component
class SessionReadSide {

    private static final Logger log = LoggerFactory.getLogger(SessionReadSide.class);

    private final QueryGateway queryGateway;

    SessionReadSide(QueryGateway queryGateway) {
        this.queryGateway = queryGateway;
    }

    /** Waits until the read side shows the session at {@code version} or later; false when it gave up waiting. */
    boolean awaitVersion(String sessionId, long version) {
        Boolean shown = join(queryGateway.query(new AwaitRestoreSessionVersion(sessionId, version), Boolean.class));
        if (!Boolean.TRUE.equals(shown)) {
            log.warn("The read side did not show version {} of restore session {} in time", version, sessionId);
            return false;
        }
        return true;
    }

    Optional<RestoreSessionView> find(String tenantId, String sessionId) {
        return join(queryGateway.query(new FindRestoreSession(tenantId, sessionId, true),
                ResponseTypes.optionalInstanceOf(RestoreSessionView.class)));
    }

    private static <T> T join(CompletableFuture<T> answer) {
        try {
            return answer.join();
        } catch (CompletionException failed) {
            // The query's own failure, not the future's wrapper, is what the application's error handling reports.
            if (failed.getCause() instanceof RuntimeException cause) {
                throw cause;
            }
            throw failed;
        }
    }
}
