package com.m365backup.restore.app.eventstore;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.m365backup.restore.app.service.ServiceSettings;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.json.JacksonSerializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * One Jackson serializer for events, messages, tokens, sagas and snapshots, on an {@link ObjectMapper} of its own:
 * {@code spring.jackson.*} settings shape HTTP responses and must never change how stored events look.
 */
@Configuration(proxyBeanMethods = false)
class SerializerConfiguration {

    @Bean
    @Primary
    Serializer serializer() {
        ObjectMapper storageMapper = new ObjectMapper()
                .registerModule(new JavaTimeModule())
                .registerModule(StoredInstants.module())
                .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                // History written today must stay readable after a field is added to an event.
                .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        JacksonSerializer serializer = JacksonSerializer.builder().objectMapper(storageMapper).build();
        // After the builder, which registers Axon's own metadata deserializer: the module registered last is asked first.
        storageMapper.registerModule(StoredMetaData.module());
        return serializer;
    }

    /** History stored under the domain's former package names; first, so that the upcasters after it see today's. */
    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    FormerPackageUpcaster formerPackageUpcaster() {
        return new FormerPackageUpcaster();
    }

    /** Sessions written before tenants existed belong to the tenant the service then served. */
    @Bean
    TenantlessSessionUpcaster tenantlessSessionUpcaster(ServiceSettings settings) {
        return new TenantlessSessionUpcaster(settings.defaultTenantId());
    }
}
