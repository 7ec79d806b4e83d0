package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.StrictJson;
import org.springframework.web.util.UriUtils;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An artifact's reference to its restore point as the client wrote it, {@code {"@odata.id": ...}}, {@code {"@id": ...}}
 * or {@code {"id": ...}} (docs/api.md, PATCH: the delta payload). Answers echo it in the client's own key and value;
 * {@code restorePointId} is the opaque id it names, never re-formatted.
 */
record RestorePointLink(String key, String value, String restorePointId) {

    /**
     * Opaque as ids are, none holds a control character; NUL, for one, is text PostgreSQL cannot even compare, and
     * such an id is refused as naming no restore point rather than looked up.
     */
    private static final Pattern CONTROL = Pattern.compile("\\p{Cntrl}");
    private static final Pattern RESTORE_POINT_ADDRESS = Pattern.compile("(?:^|/)(?i:restorePoints)/([^/?#]+)$");

    /** The reference in {@code reference}, or empty when it does not name exactly one restore point. */
    static Optional<RestorePointLink> read(StrictJson json, JsonNode reference) {
        Map<String, JsonNode> keys = BodyBinding.bound(json, reference, RestorePointReference.class)
                .map(RestorePointReference::keys)
                .orElse(Map.of());
        if (keys.size() != 1) {
            return Optional.empty();
        }
        Map.Entry<String, JsonNode> key = keys.entrySet().iterator().next();
        JsonNode value = key.getValue();
        if (!value.isTextual() || value.asText().isBlank() || CONTROL.matcher(value.asText()).find()) {
            return Optional.empty();
        }
        return restorePointId(key.getKey(), value.asText())
                .map(id -> new RestorePointLink(key.getKey(), value.asText(), id));
    }

    @JsonValue
    Map<String, String> asSent() {
        return Map.of(key, value);
    }

    private static Optional<String> restorePointId(String key, String value) {
        if (key.equals("id")) {
            return Optional.of(value);
        }
        Matcher address = RESTORE_POINT_ADDRESS.matcher(value);
        if (address.find()) {
            return Optional.of(UriUtils.decode(address.group(1), StandardCharsets.UTF_8));
        }
        // Anything else is the bare id, unless it is the address of something that is not a restore point.
        boolean anAddress = value.contains("://") || value.startsWith("/");
        return anAddress ? Optional.empty() : Optional.of(value);
    }
}
