package com.m365backup.restore.app.eventstore;

import org.axonframework.serialization.SimpleSerializedType;
import org.axonframework.serialization.upcasting.event.IntermediateEventRepresentation;
import org.axonframework.serialization.upcasting.event.SingleEventUpcaster;

/**
 * Reads history written before the domain's classes moved to packages that name their module: until then an event
 * was stored under {@code com.m365backup.restore.session.MailboxArtifactAdded}, now it is
 * {@code com.m365backup.restore.domain.session.MailboxArtifactAdded}. The stored type is the class's name, so an
 * event written under the former name is read under the new one; stored events are never rewritten. It runs before
 * every other upcaster, which know the events by their present names only.
 */
class FormerPackageUpcaster extends SingleEventUpcaster {

    private static final String FORMER = "com.m365backup.restore.session.";
    private static final String PRESENT = "com.m365backup.restore.domain.session.";

    @Override
    protected boolean canUpcast(IntermediateEventRepresentation event) {
        return event.getType().getName().startsWith(FORMER);
    }

    @Override
    protected IntermediateEventRepresentation doUpcast(IntermediateEventRepresentation event) {
        String name = PRESENT + event.getType().getName().substring(FORMER.length());
        return renamed(event, new SimpleSerializedType(name, event.getType().getRevision()),
                event.getData().getContentType());
    }

    /** The same payload under another type, in the representation it has (no conversion for a rename). */
    private static <T> IntermediateEventRepresentation renamed(IntermediateEventRepresentation event,
                                                               SimpleSerializedType type, Class<T> representation) {
        return event.upcastPayload(type, representation, payload -> payload);
    }
}
