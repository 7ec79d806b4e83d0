package com.m365backup.restore.query.graph;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.PropertyWriter;
import com.fasterxml.jackson.databind.ser.std.BeanSerializerBase;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;

import java.io.IOException;
import java.util.Iterator;
import java.util.List;

/**
 * An entity as {@code $select} shows it: its {@code @odata.*} annotations, its {@code id}, the selected properties
 * and the navigations {@code $expand} asked for, in the order the entity writes them. The entity's own serializer
 * writes each of those properties (so a property it leaves out when null stays out); no JSON tree is built.
 */
@JsonSerialize(using = SelectedProperties.Writer.class)
record SelectedProperties(Object entity, List<String> selected, List<String> expanded) {

    SelectedProperties {
        selected = List.copyOf(selected);
        expanded = List.copyOf(expanded);
    }

    boolean shows(String property) {
        return property.startsWith("@odata.") || property.equals("id") || selected.contains(property)
                || expanded.contains(property);
    }

    static final class Writer extends StdSerializer<SelectedProperties> {

        Writer() {
            super(SelectedProperties.class);
        }

        @Override
        public void serialize(SelectedProperties selection, JsonGenerator json, SerializerProvider provider)
                throws IOException {
            Object entity = selection.entity();
            JsonSerializer<Object> serializer = provider.findValueSerializer(entity.getClass(), null);
            if (!(serializer instanceof BeanSerializerBase bean)) {
                throw new IllegalStateException("$select needs an entity written property by property, not a "
                        + entity.getClass().getName());
            }
            json.writeStartObject(entity);
            for (Iterator<PropertyWriter> properties = bean.properties(); properties.hasNext(); ) {
                PropertyWriter property = properties.next();
                if (selection.shows(property.getName())) {
                    try {
                        property.serializeAsField(entity, json, provider);
                    } catch (Exception failure) {
                        // As the entity's own serializer would: the failure with the path to the property.
                        wrapAndThrow(provider, failure, entity, property.getName());
                    }
                }
            }
            json.writeEndObject();
        }
    }
}
