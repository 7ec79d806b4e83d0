package com.m365backup.restore.command;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.m365backup.restore.domain.request.RequestRefused;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Reads a request body as strict JSON: no comments (the {@code //} notes on Graph's page are not part of a body),
 * no duplicate keys, nothing after the value. Whatever {@code spring.jackson.*} allows elsewhere is not allowed here.
 *
 * <p>It also binds a body's tree to the record that types it, as strictly: a value of the wrong JSON type is never
 * coerced (a number is not a string), and a property the record does not name is refused. A value that does not bind
 * is refused by the endpoint's own sentence for its place in the body ({@link #bind}), never by Jackson's message,
 * which names classes and positions.
 */
@Component
public class StrictJson {

    /** What a refusal tells the client: the ways a body may fail to be strict JSON. */
    public static final String NOT_STRICT = "The request body is missing or is not strict JSON (comments, a key given "
            + "twice, or text after the value are not accepted).";

    private final ObjectReader reader;
    private final ObjectMapper binder;

    public StrictJson(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withoutFeatures(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                        JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_MISSING_VALUES);
        // A copy, so that the application's mapper (and every other body it reads) keeps its own settings.
        this.binder = mapper.copy()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY,
                        DeserializationFeature.UNWRAP_SINGLE_VALUE_ARRAYS);
        binder.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        binder.coercionConfigFor(LogicalType.Collection)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        binder.coercionConfigFor(LogicalType.POJO)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }

    /** The body as a JSON tree, or empty when it is missing or not strict JSON. */
    public Optional<JsonNode> read(byte[] body) {
        if (body == null || body.length == 0) {
            return Optional.empty();
        }
        try {
            JsonNode tree = reader.readTree(body);
            return tree == null || tree.isMissingNode() ? Optional.empty() : Optional.of(tree);
        } catch (IOException notJson) {
            // Jackson's message names classes and positions: the caller answers with a sentence of its own.
            return Optional.empty();
        }
    }

    /**
     * {@code tree} bound to {@code type}; a value that does not bind is refused as {@code refusalAt} says for its
     * path in the body, written as the body's own names ({@code protectionTimePeriod.startDateTime},
     * {@code mailboxes[2]}).
     */
    public <T> T bind(JsonNode tree, Class<T> type, Function<String, RequestRefused> refusalAt) {
        try {
            return binder.treeToValue(tree, type);
        } catch (JsonMappingException unbound) {
            throw refusalAt.apply(path(unbound.getPath()));
        } catch (JsonProcessingException unreadable) {
            throw refusalAt.apply("");
        }
    }

    /**
     * The properties of {@code object} that {@code names} lists, in that order: a record binds its properties in the
     * order the body gives them, so a body is put in the order the endpoint checks them, and of several values that
     * do not bind the first one checked is the one refused.
     */
    public static ObjectNode inOrder(JsonNode object, List<String> names) {
        ObjectNode ordered = JsonNodeFactory.instance.objectNode();
        names.stream().filter(object::has).forEach(name -> ordered.set(name, object.get(name)));
        return ordered;
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : references) {
            if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            } else if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            }
        }
        return path.toString();
    }
}
