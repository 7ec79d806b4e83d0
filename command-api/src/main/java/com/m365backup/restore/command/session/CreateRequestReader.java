package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.RequestRefused;
import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.session.DestinationType;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of a create (spec/api.md, Create): an exchangeRestoreSession with optional
 * {@code mailboxRestoreArtifacts} in the add shape of the delta PATCH. Any bad part refuses the whole request.
 *
 * <p>Walked as a JSON tree, as each way of being malformed has its own Graph code; what comes out are typed
 * {@link RequestedArtifact}s.
 */
@Component
class CreateRequestReader {

    static final String ARTIFACTS = "mailboxRestoreArtifacts";
    private static final String BAD_REQUEST = "BadRequest";
    private static final String RESTORE_POINT = "restorePoint";
    private static final String DESTINATION_TYPE = "destinationType";
    // Set by the service only. SDKs send them (often as null) when a client reuses an object it read.
    private static final Set<String> READ_ONLY_SESSION_PROPERTIES = Set.of("id", "status", "createdBy",
            "createdDateTime", "lastModifiedBy", "lastModifiedDateTime", "completedDateTime", "error",
            "restoreSessionArtifactCount", "restoreJobType");
    private static final Set<String> READ_ONLY_ARTIFACT_PROPERTIES = Set.of("id", "status", "createdDateTime",
            "startDateTime", "completionDateTime", "error", "restoredFolderId", "restoredFolderName",
            "restoredItemCount");

    private final StrictJson json;
    private final RestoreLimits limits;

    CreateRequestReader(StrictJson json, RestoreLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    List<RequestedArtifact> read(byte[] body) {
        JsonNode session = json.read(body).orElseThrow(() -> badRequest(StrictJson.NOT_STRICT));
        if (!session.isObject()) {
            throw badRequest("The request body must be a JSON object: the exchangeRestoreSession to create.");
        }
        requireSettable(session, ODataType.EXCHANGE_RESTORE_SESSION, READ_ONLY_SESSION_PROPERTIES, Set.of(ARTIFACTS),
                "");
        JsonNode artifacts = session.get(ARTIFACTS);
        if (artifacts == null || artifacts.isNull()) {
            return List.of();
        }
        if (!artifacts.isArray()) {
            throw badRequest("'" + ARTIFACTS + "' must be an array of artifacts.");
        }
        if (artifacts.size() > limits.maxArtifactsPerCreate()) {
            throw new RequestRefused(HttpStatus.PAYLOAD_TOO_LARGE, "RestoreArtifactsLimitBreached",
                    "A restore session may be created with at most " + limits.maxArtifactsPerCreate()
                            + " artifacts; this request has " + artifacts.size() + ".");
        }
        List<RequestedArtifact> read = new ArrayList<>(artifacts.size());
        for (int index = 0; index < artifacts.size(); index++) {
            read.add(artifact(artifacts.get(index), ARTIFACTS + "[" + index + "]"));
        }
        return read;
    }

    private static RequestedArtifact artifact(JsonNode artifact, String where) {
        if (!artifact.isObject()) {
            throw badRequest(where + " must be a JSON object.");
        }
        requireSettable(artifact, ODataType.MAILBOX_RESTORE_ARTIFACT, READ_ONLY_ARTIFACT_PROPERTIES,
                Set.of(RESTORE_POINT, DESTINATION_TYPE), where + ".");
        RestorePointLink restorePoint = RestorePointLink.read(artifact.get(RESTORE_POINT))
                .orElseThrow(() -> new RequestRefused(HttpStatus.BAD_REQUEST, "InvalidRestorePoint",
                        where + ".restorePoint must name one restore point by '@odata.id', '@id' or 'id'."));
        DestinationType destinationType = Optional.ofNullable(artifact.get(DESTINATION_TYPE))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .flatMap(DestinationType::fromGraphName)
                .orElseThrow(() -> new RequestRefused(HttpStatus.BAD_REQUEST, "InvalidPathType",
                        where + ".destinationType must be 'inPlace' or 'new'."));
        return new RequestedArtifact(restorePoint, destinationType);
    }

    private static void requireSettable(JsonNode object, String type, Set<String> readOnly, Set<String> settable,
                                        String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            JsonNode value = object.get(name);
            if (name.equals(ODataType.ANNOTATION)) {
                if (!ODataType.names(value, type)) {
                    throw badRequest(where + "@odata.type must be '#" + type + "'.");
                }
            } else if (readOnly.contains(name)) {
                if (!value.isNull()) {
                    throw badRequest("The property '" + where + name + "' is read-only; the service sets it.");
                }
            } else if (!settable.contains(name)) {
                throw badRequest("The property '" + where + name + "' cannot be set when a restore session is "
                        + "created.");
            }
        }
    }

    private static RequestRefused badRequest(String message) {
        return new RequestRefused(HttpStatus.BAD_REQUEST, BAD_REQUEST, message);
    }
}
