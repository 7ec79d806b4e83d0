package com.m365backup.restore.command;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Optional;

/**
 * Reads a request body as strict JSON: no comments (the {@code //} notes on Graph's page are not part of a body),
 * no duplicate keys, nothing after the value. Whatever {@code spring.jackson.*} allows elsewhere is not allowed here.
 */
@Component
public class StrictJson {

    /** What a refusal tells the client: the ways a body may fail to be strict JSON. */
    public static final String NOT_STRICT = "The request body is missing or is not strict JSON (comments, a key given "
            + "twice, or text after the value are not accepted).";

    private final ObjectReader reader;
    private final ObjectReader binder;

    public StrictJson(ObjectMapper mapper) {
        this.reader = mapper.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withoutFeatures(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                        JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_MISSING_VALUES);
        // Spring lets a type ignore the properties it does not know; a body's type says what it ignores.
        this.binder = reader.with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
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
     * A tree that {@link #read} gave, bound to {@code type} as strictly: a property the type neither declares,
     * collects nor ignores is refused. JSON null binds to null.
     *
     * @throws JsonMappingException when the tree is not of the type's shape; its path names what is not
     */
    public <T> T bind(JsonNode tree, Class<T> type) throws JsonMappingException {
        try {
            return binder.forType(type).readValue(tree);
        } catch (JsonMappingException notOfTheShape) {
            throw notOfTheShape;
        } catch (IOException cannotHappen) {
            // A tree in memory has no input to fail.
            throw new UncheckedIOException(cannotHappen);
        }
    }
}
