package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The body of a delta PATCH and its items as bound (docs/api.md, PATCH: the delta payload). A property is a
 * {@link JsonNode}, present (JSON null included) or absent (null), because a value of any JSON type is answered by
 * its own check, in the reader's order; Jackson refusing it first would answer another. What a record does not
 * declare, annotations among it, is collected in {@code undeclared}.
 */
final class DeltaBody {

    static final String DELTA = "mailboxRestoreArtifacts@delta";
    static final String REMOVED = "@removed";

    private DeltaBody() {
    }

    /** The list stays a tree: its shape, its count and then its items are checked after the body's properties. */
    record Patch(@JsonProperty(DELTA) JsonNode items, @JsonAnySetter Map<String, JsonNode> undeclared) {
    }

    /** An item that names a restore point and no {@code id}: an addition. */
    record Addition(@JsonProperty("restorePoint") JsonNode restorePoint,
                    @JsonProperty("destinationType") JsonNode destinationType,
                    @JsonAnySetter Map<String, JsonNode> undeclared) {
    }

    /** An item that names {@code @removed}: a removal. */
    record Removal(@JsonProperty(REMOVED) JsonNode removed, @JsonProperty("id") JsonNode id,
                   @JsonAnySetter Map<String, JsonNode> undeclared) {
    }

    /** The {@code @removed} annotation, {@code {"reason": ...}} and nothing else. */
    record Removed(@JsonProperty("reason") JsonNode reason) {
    }
}
