package com.m365backup.restore.app.eventstore;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * How history stays readable when an event's shape changes: {@link RestoreSessionCreated} was first written without
 * a revision and without {@code tenantId}, when the service knew one tenant. Such an event is read as revision 1,
 * in the tenant that service served. Stored events are never rewritten; they are upcast as they are read.
 */
class TenantlessSessionUpcaster extends SingleEventUpcaster {

    private static final String CREATED = RestoreSessionCreated.class.getName();
    private static final SimpleSerializedType CREATED_REVISION_1 = new SimpleSerializedType(CREATED, "1");

    private final String formerTenantId;

    TenantlessSessionUpcaster(String formerTenantId) {
        this.formerTenantId = formerTenantId;
    }

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return CREATED.equals(event.getType().getName()) && event.getType().getRevision() == null;
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        return event.upcastPayload(CREATED_REVISION_1, JsonNode.class,
                payload -> ((ObjectNode) payload).put("tenantId", formerTenantId));
    }
}
