package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.DestinationType;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Reads the body of a create (docs/api.md, Create): an exchangeRestoreSession with optional
 * {@code mailboxRestoreArtifacts} in the add shape of the delta PATCH, or {@code granularMailboxRestoreArtifacts}
 * (also under Graph's singular name) that each name a search as well (docs/api.md, Granular restore); not both. Any
 * bad part refuses the whole request.
 *
 * <p>Bound to the records of {@link CreateBody} part by part, in the order of the checks, as each way of being
 * malformed has its own Graph code; what comes out are typed {@link RequestedArtifact}s.
 */
@Component
class CreateRequestReader {

    private static final String ARTIFACTS = CreateBody.ARTIFACTS;
    private static final String GRANULAR_ARTIFACTS = CreateBody.GRANULAR_ARTIFACTS;
    private static final String GRANULAR_ARTIFACTS_SINGULAR = CreateBody.GRANULAR_ARTIFACTS_SINGULAR;
    private static final String BAD_REQUEST = "BadRequest";
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
        JsonNode sent = json.read(body).orElseThrow(() -> badRequest(StrictJson.NOT_STRICT));
        CreateBody.Session session = BodyBinding.bind(json, sent, CreateBody.Session.class,
                () -> badRequest("The request body must be a JSON object: the exchangeRestoreSession to create."));
        requireSettable(sent, session.undeclared(), ODataType.EXCHANGE_RESTORE_SESSION, READ_ONLY_SESSION_PROPERTIES,
                "");
        JsonNode plural = present(session.granularArtifacts());
        JsonNode singular = present(session.granularArtifactsSingular());
        if (plural != null && singular != null) {
            throw badRequest("Name the granular artifacts once, as '" + GRANULAR_ARTIFACTS + "'.");
        }
        List<RequestedArtifact> artifacts = list(session.artifacts(), ARTIFACTS, false);
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

    private RequestedArtifact granularArtifact(JsonNode sent, String where) {
        CreateBody.GranularArtifact artifact = BodyBinding.bind(json, sent, CreateBody.GranularArtifact.class,
                notAnObject(where));
        requireSettable(sent, artifact.undeclared(), ODataType.GRANULAR_MAILBOX_RESTORE_ARTIFACT,
                READ_ONLY_GRANULAR_PROPERTIES, where + ".");
        JsonNode search = artifact.searchResponseId();
        if (search == null || !search.isTextual() || search.asText().isBlank()) {
            throw RequestRefused.invalid("InvalidSearchRequest", where + ".searchResponseId must"
                    + " name the search (restorePoints/search with an artifactQuery) whose messages it restores.");
        }
        return requested(artifact.restorePoint(), artifact.destinationType(), search.asText(), where);
    }

    private RequestedArtifact artifact(JsonNode sent, String where) {
        CreateBody.Artifact artifact = BodyBinding.bind(json, sent, CreateBody.Artifact.class, notAnObject(where));
        requireSettable(sent, artifact.undeclared(), ODataType.MAILBOX_RESTORE_ARTIFACT, READ_ONLY_ARTIFACT_PROPERTIES,
                where + ".");
        return requested(artifact.restorePoint(), artifact.destinationType(), null, where);
    }

    private RequestedArtifact requested(JsonNode restorePoint, JsonNode destinationType, String searchResponseId,
                                        String where) {
        RestorePointLink link = RestorePointLink.read(json, restorePoint)
                .orElseThrow(() -> RequestRefused.invalid("InvalidRestorePoint",
                        where + ".restorePoint must name one restore point by '@odata.id', '@id' or 'id'."));
        DestinationType destination = Optional.ofNullable(destinationType)
                .filter(JsonNode::isTextual)
                .map(JsonNode::asText)
                .flatMap(DestinationType::fromGraphName)
                .orElseThrow(() -> RequestRefused.invalid("InvalidPathType",
                        where + ".destinationType must be 'inPlace' or 'new'."));
        return new RequestedArtifact(link, destination, searchResponseId);
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    private static Set<String> union(Set<String> names, String more) {
        Set<String> all = new HashSet<>(names);
        all.add(more);
        return Set.copyOf(all);
    }

    /**
     * What a record does not declare it takes only as its type annotation or as a read-only property sent as null;
     * the first other one, in the client's order, is refused.
     */
    private static void requireSettable(JsonNode sent, Map<String, JsonNode> undeclared, String type,
                                        Set<String> readOnly, String where) {
        for (String name : BodyBinding.inSentOrder(sent, undeclared)) {
            JsonNode value = undeclared.get(name);
            if (name.equals(ODataType.ANNOTATION)) {
                if (!ODataType.names(value, type)) {
                    throw badRequest(where + "@odata.type must be '#" + type + "'.");
                }
            } else if (readOnly.contains(name)) {
                if (value != null && !value.isNull()) {
                    throw badRequest("The property '" + where + name + "' is read-only; the service sets it.");
                }
            } else {
                throw badRequest("The property '" + where + name + "' cannot be set when a restore session is "
                        + "created.");
            }
        }
    }

    private static Supplier<RequestRefused> notAnObject(String where) {
        return () -> badRequest(where + " must be a JSON object.");
    }

    private static RequestRefused badRequest(String message) {
        return RequestRefused.invalid(BAD_REQUEST, message);
    }
}
