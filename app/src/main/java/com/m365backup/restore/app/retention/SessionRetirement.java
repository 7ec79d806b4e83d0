package com.m365backup.restore.app.retention;

import com.m365backup.restore.domain.query.FindRetirableSessions;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import com.m365backup.restore.domain.session.RetireRestoreSession;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The retention job (docs/api.md, Retention): asks the read model for sessions that ended before the retention, and
 * sends each a {@link RetireRestoreSession}; the session decides, so a session the read model shows stale, or that
 * another node retired meanwhile, is refused and left alone. Each retirement is its own command and commit: one that
 * fails leaves the others retired, and the next run tries it again.
 */
class SessionRetirement {

    private static final Logger log = LoggerFactory.getLogger(SessionRetirement.class);

    private final QueryGateway queries;
    private final CommandGateway commands;
    private final RetentionProperties properties;
    private final Clock clock;

    SessionRetirement(QueryGateway queries, CommandGateway commands, RetentionProperties properties, Clock clock) {
        this.queries = queries;
        this.commands = commands;
        this.properties = properties;
        this.clock = clock;
    }

    /** Retires every session due now; answers how many it retired. */
    int retireDue() {
        // PostgreSQL keeps microseconds: a time written now must equal the time read back.
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        Instant endedBefore = now.minus(properties.terminalSessions());
        int retired = 0;
        List<String> due;
        do {
            due = queries.query(new FindRetirableSessions(endedBefore, properties.batchSize()),
                    ResponseTypes.multipleInstancesOf(String.class)).join();
            int before = retired;
            for (String sessionId : due) {
                if (retire(sessionId, now)) {
                    retired++;
                }
            }
            // A full batch none of which could be retired would come back the same: stop until the next run.
            if (retired == before) {
                break;
            }
        } while (due.size() == properties.batchSize());
        if (retired > 0) {
            log.info("Retired {} restore sessions that ended before {}", retired, endedBefore);
        }
        return retired;
    }

    private boolean retire(String sessionId, Instant now) {
        try {
            commands.sendAndWait(new RetireRestoreSession(sessionId, properties.terminalSessions(), now));
            return true;
        } catch (RestoreSessionRejected rejected) {
            if (rejected.rejection() != Rejection.NOT_RETIRABLE_YET
                    && rejected.rejection() != Rejection.SESSION_NOT_FOUND) {
                log.warn("Restore session {} was not retired: {}", sessionId, rejected.getMessage());
            }
            return false;
        } catch (RuntimeException failed) {
            log.warn("Restore session {} could not be retired now; the next run tries again", sessionId, failed);
            return false;
        }
    }
}
