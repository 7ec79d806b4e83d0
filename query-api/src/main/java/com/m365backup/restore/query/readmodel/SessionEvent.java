package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.session.RestoreSessionEvent;
import org.axonframework.messaging.MetaData;

/** One event of a session's history as the fold takes it: the event, its sequence number and who caused it. */
record SessionEvent(RestoreSessionEvent event, long sequence, MetaData metaData) {

    String sessionId() {
        return event.sessionId();
    }
}
