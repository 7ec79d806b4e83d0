package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A restore point reference as bound: each of its keys present (JSON null included) or absent (null), since a
 * reference that names two keys names no one restore point, whatever their values.
 *
 * <p>A client that reuses a restore point object it read (from a search, say) sends the restore point's own
 * properties along; the catalog, not the client, is their source, so they are ignored. Any other property refuses
 * the reference.
 */
@JsonIgnoreProperties({"@odata.type", "protectionDateTime", "expirationDateTime", "protectionUnit", "tags"})
record RestorePointReference(@JsonProperty("@odata.id") JsonNode odataId, @JsonProperty("@id") JsonNode atId,
                             @JsonProperty("id") JsonNode id) {

    /** The keys present, with their values, in the order {@code @odata.id}, {@code @id}, {@code id}. */
    Map<String, JsonNode> keys() {
        Map<String, JsonNode> keys = new LinkedHashMap<>();
        putPresent(keys, "@odata.id", odataId);
        putPresent(keys, "@id", atId);
        putPresent(keys, "id", id);
        return keys;
    }

    private static void putPresent(Map<String, JsonNode> keys, String key, JsonNode value) {
        if (value != null) {
            keys.put(key, value);
        }
    }
}
