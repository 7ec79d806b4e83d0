package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.domain.request.RequestRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Binds a part of a request body to the record that reads it, and turns Jackson's refusal to bind into the answer the
 * reader gives for that part. A record declares its properties as {@link JsonNode}s, so what Jackson can refuse is
 * the part itself (not an object, or null) or, for a record that takes no other properties, one it does not know:
 * whatever property the exception's path names, the part has one answer, so the path is not needed to choose it.
 */
final class BodyBinding {

    private BodyBinding() {
    }

    /** The part bound to {@code type}, or {@code refusal} when it is absent (null) or not of the type's shape. */
    static <T> T bind(StrictJson json, JsonNode part, Class<T> type, Supplier<RequestRefused> refusal) {
        return bound(json, part, type).orElseThrow(refusal);
    }

    /** The part bound to {@code type}, or empty when it is absent (null) or not of the type's shape. */
    static <T> Optional<T> bound(StrictJson json, JsonNode part, Class<T> type) {
        if (part == null) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(json.bind(part, type));
        } catch (JsonMappingException notOfTheShape) {
            // Jackson's message names classes: the reader answers with a sentence of its own.
            return Optional.empty();
        }
    }

    /**
     * The names of the properties a record collected as undeclared, in the order the client sent them in
     * {@code part}: a refusal names the first. Jackson hands a record's constructor what it collected in an order of
     * its own, the reverse of the body's in Jackson 2.19, so the order is taken from the part.
     */
    static List<String> inSentOrder(JsonNode part, Map<String, JsonNode> undeclared) {
        List<String> names = new ArrayList<>(undeclared.size());
        part.fieldNames().forEachRemaining(name -> {
            if (undeclared.containsKey(name)) {
                names.add(name);
            }
        });
        return names;
    }
}
