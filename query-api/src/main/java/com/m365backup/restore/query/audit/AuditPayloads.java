package com.m365backup.restore.query.audit;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import java.io.IOException;
import java.lang.reflect.Method;

/**
 * Renders event payloads in the API's vocabulary ({@code inPlace}, not {@code IN_PLACE}; ISO times), so that an
 * auditor reads history in the words the API uses, whatever the stored form.
 */
final class AuditPayloads {

    private static final ObjectMapper MAPPER = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .registerModule(new SimpleModule().addSerializer(new GraphEnumSerializer()))
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    private AuditPayloads() {
    }

    static JsonNode render(Object payload) {
        return MAPPER.valueToTree(payload);
    }

    /** Domain enums know their Graph names; others keep their own. */
    @SuppressWarnings({"rawtypes", "unchecked"})
    private static final class GraphEnumSerializer extends StdSerializer<Enum> {

        GraphEnumSerializer() {
            super(Enum.class);
        }

        @Override
        public void serialize(Enum value, JsonGenerator generator, SerializerProvider provider) throws IOException {
            generator.writeString(graphName(value));
        }

        private static String graphName(Enum<?> value) {
            try {
                Method graphName = value.getDeclaringClass().getMethod("graphName");
                return (String) graphName.invoke(value);
            } catch (ReflectiveOperationException noGraphName) {
                return value.name();
            }
        }
    }
}
