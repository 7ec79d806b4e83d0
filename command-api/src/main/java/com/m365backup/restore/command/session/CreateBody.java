package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * The body of a create and its artifacts as bound (docs/api.md, Create; Granular restore). A property is a
 * {@link JsonNode}, present (JSON null included) or absent (null), because a value of any JSON type is answered by
 * its own check, in the reader's order, after the properties that cannot be set; Jackson refusing it first would
 * answer another. What a record does not declare, annotations and read-only properties among it, is collected in
 * {@code undeclared}.
 */
final class CreateBody {

    static final String ARTIFACTS = "mailboxRestoreArtifacts";
    static final String GRANULAR_ARTIFACTS = "granularMailboxRestoreArtifacts";
    /** The name Graph's create page gives the member in its request table and answer; its examples use the plural. */
    static final String GRANULAR_ARTIFACTS_SINGULAR = "granularMailboxRestoreArtifact";

    private CreateBody() {
    }

    /** The exchangeRestoreSession to create; its lists stay trees, as a list is checked after the session. */
    record Session(@JsonProperty(ARTIFACTS) JsonNode artifacts,
                   @JsonProperty(GRANULAR_ARTIFACTS) JsonNode granularArtifacts,
                   @JsonProperty(GRANULAR_ARTIFACTS_SINGULAR) JsonNode granularArtifactsSingular,
                   @JsonAnySetter Map<String, JsonNode> undeclared) {
    }

    /** A mailboxRestoreArtifact, in the add shape of the delta PATCH. */
    record Artifact(@JsonProperty("restorePoint") JsonNode restorePoint,
                    @JsonProperty("destinationType") JsonNode destinationType,
                    @JsonAnySetter Map<String, JsonNode> undeclared) {
    }

    /** A granularMailboxRestoreArtifact: a mailbox restore artifact that names a search as well. */
    record GranularArtifact(@JsonProperty("restorePoint") JsonNode restorePoint,
                            @JsonProperty("destinationType") JsonNode destinationType,
                            @JsonProperty("searchResponseId") JsonNode searchResponseId,
                            @JsonAnySetter Map<String, JsonNode> undeclared) {
    }
}
