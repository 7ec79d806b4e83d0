package com.m365backup.restore.app.operations;

import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.PathParameter;

import java.util.List;

/** The path variables of the document, each described once by its name. */
final class PathVariables {

    private PathVariables() {
    }

    static Parameter of(String name) {
        StringSchema schema = new StringSchema();
        String description = switch (name) {
            case "sessionId" -> {
                schema.format("uuid");
                yield "The session's id, a GUID the service made.";
            }
            case "collection" -> {
                schema._enum(List.of("mailboxRestoreArtifacts", "granularMailboxRestoreArtifacts"));
                yield "The session's artifacts: its mailbox restore artifacts, or the granular ones of a granular"
                        + " session.";
            }
            case "artifactId" -> "The artifact's id.";
            case "requestId" -> "The bulk addition request's id.";
            case "restorePointId" -> "The restore point's id, an opaque string.";
            case "unitId" -> "The protection unit's id.";
            default -> throw new IllegalArgumentException("A path variable the document does not know: " + name);
        };
        return new PathParameter().name(name).required(true).description(description).schema(schema);
    }
}
