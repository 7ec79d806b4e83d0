package com.m365backup.restore.query.audit;

import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.Revision;
import org.springframework.stereotype.Component;

import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads a session's history from the event store: every event since the first, never starting at a snapshot. */
@Component
class SessionHistoryReader {

    private final EventStore eventStore;

    SessionHistoryReader(EventStore eventStore) {
        this.eventStore = eventStore;
    }

    /** The session's history, if it exists in the caller's tenant; another tenant's session is not found. */
    Optional<SessionHistory> read(String tenantId, String sessionId) {
        List<HistoryEntry> entries = new ArrayList<>();
        String owner = null;
        boolean deleted = false;
        boolean retired = false;
        // readEvents(id) would start at the latest snapshot; an audit needs every event.
        var events = eventStore.readEvents(sessionId, 0);
        while (events.hasNext()) {
            DomainEventMessage<?> event = events.next();
            Object payload = event.getPayload();
            if (payload instanceof RestoreSessionCreated created) {
                owner = created.tenantId();
            }
            deleted |= SessionHistory.isDeletion(payload);
            retired |= SessionHistory.isRetirement(payload);
            entries.add(entry(event));
        }
        if (owner == null || !owner.equals(tenantId)) {
            return Optional.empty();
        }
        return Optional.of(new SessionHistory(sessionId, owner, deleted, retired, entries));
    }

    private static HistoryEntry entry(DomainEventMessage<?> event) {
        MetaData metaData = event.getMetaData();
        Revision revision = event.getPayload().getClass().getAnnotation(Revision.class);
        return new HistoryEntry(
                event.getSequenceNumber(),
                EventTypeNames.of(event.getPayloadType().getName()),
                revision == null ? 0 : Integer.parseInt(revision.value()),
                event.getTimestamp().atOffset(ZoneOffset.UTC),
                who(metaData),
                (String) metaData.get(CallerMetaData.CLIENT_REQUEST_ID),
                (String) metaData.get(CallerMetaData.REQUEST_ID),
                AuditPayloads.render(event.getPayload()));
    }

    private static IdentitySet who(MetaData metaData) {
        Object userId = metaData.get(CallerMetaData.USER_ID);
        Object applicationId = metaData.get(CallerMetaData.APPLICATION_ID);
        if (userId != null) {
            return IdentitySet.ofUser(userId.toString(), (String) metaData.get(CallerMetaData.USER_NAME));
        }
        if (applicationId != null) {
            return IdentitySet.ofApplication(applicationId.toString(),
                    (String) metaData.get(CallerMetaData.APPLICATION_NAME));
        }
        return null;
    }
}
