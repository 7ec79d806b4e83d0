package com.m365backup.restore.app.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.DefaultDeserializationContext;
import org.axonframework.messaging.MetaData;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class StoredMetaDataTest {

    private final Serializer stored = new SerializerConfiguration().serializer();
    private final Serializer axons = JacksonSerializer.builder().objectMapper(new ObjectMapper()).build();

    @Test
    void reads_metadata_as_axons_own_deserializer_reads_it() {
        MetaData written = MetaData.from(Map.of(
                "tenantId", "00000000-0000-0000-0000-000000000001",
                "caller", Map.of("user", Map.of("id", "u-1", "displayName", "Adele Vance"), "application",
                        Map.of("id", "a-1")),
                "client-request-id", "c-1",
                "retries", 2,
                "tags", List.of("a", "b"),
                "traceId", "t-1"));

        for (MetaData metaData : List.of(written, MetaData.emptyInstance())) {
            SerializedObject<byte[]> bytes = axons.serialize(metaData, byte[].class);
            MetaData read = stored.deserialize(bytes);
            assertThat(read).isEqualTo(axons.<byte[], MetaData>deserialize(bytes)).isEqualTo(metaData);
        }
    }

    @Test
    void is_the_deserializer_the_serializers_mapper_finds_for_metadata() throws Exception {
        ObjectMapper mapper = ((JacksonSerializer) stored).getObjectMapper();

        assertThat(((DefaultDeserializationContext) mapper.getDeserializationContext())
                .createDummyInstance(mapper.getDeserializationConfig())
                .findRootValueDeserializer(mapper.constructType(MetaData.class)))
                .isInstanceOf(StoredMetaData.class);
    }
}
