package com.m365backup.restore.app.eventstore;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.deser.ResolvableDeserializer;
import com.fasterxml.jackson.databind.jsontype.TypeDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import org.axonframework.messaging.MetaData;

import java.io.IOException;
import java.util.Map;

/**
 * Reads the metadata of stored messages as Axon's own deserializer does, a map of names to JSON values, but finds the
 * map's deserializer once: Axon's looks it up for every message, and Jackson then builds its key deserializer again,
 * class introspection included, for each of a replay's events. Registered on the serializer's mapper after Axon's,
 * so that it is the one Jackson finds.
 */
final class StoredMetaData extends JsonDeserializer<MetaData> implements ResolvableDeserializer {

    private JsonDeserializer<Object> values;

    static SimpleModule module() {
        return new SimpleModule("stored-metadata").addDeserializer(MetaData.class, new StoredMetaData());
    }

    @Override
    public void resolve(DeserializationContext context) throws JsonMappingException {
        values = context.findRootValueDeserializer(
                context.getTypeFactory().constructMapType(Map.class, String.class, Object.class));
    }

    /** One instance for the mapper, resolved once. */
    @Override
    public boolean isCachable() {
        return true;
    }

    @Override
    @SuppressWarnings("unchecked")
    public MetaData deserialize(JsonParser parser, DeserializationContext context) throws IOException {
        Map<String, Object> read = (Map<String, Object>) values.deserialize(parser, context);
        return read == null || read.isEmpty() ? MetaData.emptyInstance() : MetaData.from(read);
    }

    @Override
    public Object deserializeWithType(JsonParser parser, DeserializationContext context, TypeDeserializer types)
            throws IOException {
        return types.deserializeTypedFromObject(parser, context);
    }
}
