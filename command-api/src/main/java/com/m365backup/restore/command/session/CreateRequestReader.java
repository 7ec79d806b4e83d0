package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.DestinationType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the body of a create (docs/api.md, Create): an exchangeRestoreSession with optional
 * {@code mailboxRestoreArtifacts} in the add shape of the delta PATCH, or {@code granularMailboxRestoreArtifacts}
 * (also under Graph's singular name) that each name a search as well (docs/api.md, Granular restore); not both. Any
 * bad part refuses the whole request.
 *
 * <p>Walked as a JSON tree, as each way of being malformed has its own Graph code; what comes out are typed
 * {@link RequestedArtifact}s.
 */
@Component
class CreateRequestReader {

    static final String ARTIFACTS = "mailboxRestoreArtifacts";
    static final String GRANULAR_ARTIFACTS = "granularMailboxRestoreArtifacts";
    /** The name Graph's create page gives the member in its request table and answer; its examples use the plural. */
    static final String GRANULAR_ARTIFACTS_SINGULAR = "granularMailboxRestoreArtifact";
    private static final String SEARCH_RESPONSE_ID = "searchResponseId";
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
    private static final Set<String> READ_ONLY_GRANULAR_PROPERTIES = union(READ_ONLY_ARTIFACT_PROPERTIES,
            "artifactCount");

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
        requireSettable(session, ODataType.EXCHANGE_RESTORE_SESSION, READ_ONLY_SESSION_PROPERTIES,
                Set.of(ARTIFACTS, GRANULAR_ARTIFACTS, GRANULAR_ARTIFACTS_SINGULAR), "");
        JsonNode plural = present(session.get(GRANULAR_ARTIFACTS));
        JsonNode singular = present(session.get(GRANULAR_ARTIFACTS_SINGULAR));
        if (plural != null && singular != null) {
            throw badRequest("Name the granular artifacts once, as '" + GRANULAR_ARTIFACTS + "'.");
        }
        List<RequestedArtifact> artifacts = list(session.get(ARTIFACTS), ARTIFACTS, false);
        List<RequestedArtifact> granular = plural != null ? list(plural, GRANULAR_ARTIFACTS, true)
                : list(singular, GRANULAR_ARTIFACTS_SINGULAR, true);
        if (!artifacts.isEmpty() && !granular.isEmpty()) {
            throw badRequest("A restore session holds either mailbox restore artifacts or granular mailbox restore"
                    + " artifacts, not both.");
        }
        return artifacts.isEmpty() ? granular : artifacts;
    }

    private List<RequestedArtifact> list(JsonNode artifacts, String name, boolean granular) {
        if (artifacts == null || artifacts.isNull()) {
            return List.of();
        }
        if (!artifacts.isArray()) {
            throw badRequest("'" + name + "' must be an array of artifacts.");
        }
        if (artifacts.size() > limits.maxArtifactsPerCreate()) {
            throw new RequestRefused(RequestRefused.Kind.TOO_LARGE, "RestoreArtifactsLimitBreached",
                    "A restore session may be created with at most " + limits.maxArtifactsPerCreate()
                            + " artifacts; this request has " + artifacts.size() + ".");
        }
        List<RequestedArtifact> read = new ArrayList<>(artifacts.size());
        for (int index = 0; index < artifacts.size(); index++) {
            String where = name + "[" + index + "]";
            read.add(granular ? granularArtifact(artifacts.get(index), where) : artifact(artifacts.get(index), where));
        }
        return read;
    }

    private RequestedArtifact granularArtifact(JsonNode artifact, String where) {
        if (!artifact.isObject()) {
            throw badRequest(where + " must be a JSON object.");
        }
        requireSettable(artifact, ODataType.GRANULAR_MAILBOX_RESTORE_ARTIFACT, READ_ONLY_GRANULAR_PROPERTIES,
                Set.of(RESTORE_POINT, DESTINATION_TYPE, SEARCH_RESPONSE_ID), where + ".");
        JsonNode search = artifact.get(SEARCH_RESPONSE_ID);
        if (search == null || !search.isTextual() || search.asText().isBlank()) {
            throw RequestRefused.invalid("InvalidSearchRequest", where + ".searchResponseId must"
                    + " name the search (restorePoints/search with an artifactQuery) whose messages it restores.");
        }
        RequestedArtifact mailbox = artifact(withoutSearch(artifact), where);
        return new RequestedArtifact(mailbox.restorePoint(), mailbox.destinationType(), search.asText());
    }

    private static JsonNode withoutSearch(JsonNode artifact) {
        ObjectNode copy = artifact.deepCopy();
        copy.remove(SEARCH_RESPONSE_ID);
        copy.remove("artifactCount");
        copy.remove(ODataType.ANNOTATION);
        return copy;
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static Set<String> union(Set<String> names, String more) {
        Set<String> all = new HashSet<>(names);
        all.add(more);
        return Set.copyOf(all);
    }

    private RequestedArtifact artifact(JsonNode artifact, String where) {
        if (!artifact.isObject()) {
            throw badRequest(where + " must be a JSON object.");
        }
        requireSettable(artifact, ODataType.MAILBOX_RESTORE_ARTIFACT, READ_ONLY_ARTIFACT_PROPERTIES,
                Set.of(RESTORE_POINT, DESTINATION_TYPE), where + ".");
        RestorePointLink restorePoint = RestorePointLink.read(json, artifact.get(RESTORE_POINT))
                .orElseThrow(() -> RequestRefused.invalid("InvalidRestorePoint",
                        where + ".restorePoint must name one restore point by '@odata.id', '@id' or 'id'."));
        DestinationType destinationType = Optional.ofNullable(artifact.get(DESTINATION_TYPE))
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .flatMap(DestinationType::fromGraphName)
                .orElseThrow(() -> RequestRefused.invalid("InvalidPathType",
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
        return RequestRefused.invalid(BAD_REQUEST, message);
    }
}
