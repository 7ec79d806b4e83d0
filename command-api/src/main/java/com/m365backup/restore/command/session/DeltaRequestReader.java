package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.RemovalReason;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads the body of a delta PATCH, all of it before anything is sent: a body that is not exactly the shape of
 * docs/api.md ("PATCH: the delta payload", request-level checks) is refused whole.
 *
 * <p>The body is bound to the records of {@link DeltaBody} part by part, in the order of the checks, each way of being
 * malformed having its own message; what comes out are the typed {@link DeltaItem}s.
 */
@Component
class DeltaRequestReader {

    static final String DELTA = DeltaBody.DELTA;
    private static final String INVALID = "InvalidPatchRequest";
    private static final List<String> CONTENT_IDS = List.of("@contentId", "@Core.ContentID", "@Org.OData.Core.V1.ContentID");

    private final StrictJson json;
    private final RestoreLimits limits;

    DeltaRequestReader(StrictJson json, RestoreLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    List<DeltaItem> read(byte[] body) {
        JsonNode sent = json.read(body).orElseThrow(() -> invalid(StrictJson.NOT_STRICT));
        DeltaBody.Patch patch = BodyBinding.bind(json, sent, DeltaBody.Patch.class,
                () -> invalid("The request body must be a JSON object with the property '" + DELTA + "'."));
        requireOnlyTheDelta(sent, patch.undeclared());
        JsonNode items = patch.items();
        if (items == null || !items.isArray()) {
            throw invalid("The request body must carry '" + DELTA + "' as an array of items.");
        }
        requireCountWithinLimits(items);
        List<DeltaItem> read = new ArrayList<>(items.size());
        for (int index = 0; index < items.size(); index++) {
            read.add(item(items.get(index), DELTA + "[" + index + "]"));
        }
        return read;
    }

    private static void requireOnlyTheDelta(JsonNode sent, Map<String, JsonNode> undeclared) {
        for (String name : BodyBinding.inSentOrder(sent, undeclared)) {
            if (!name.equals(ODataType.ANNOTATION)) {
                throw invalid("The property '" + name + "' cannot be changed; a PATCH carries only '" + DELTA + "'.");
            }
            // An SDK marks every object it sends with its type: an annotation, not a property to change.
            if (!ODataType.names(undeclared.get(name), ODataType.EXCHANGE_RESTORE_SESSION)) {
                throw invalid("@odata.type must be '#" + ODataType.EXCHANGE_RESTORE_SESSION + "'.");
            }
        }
    }

    private void requireCountWithinLimits(JsonNode items) {
        if (items.isEmpty()) {
            throw RequestRefused.invalid("InvalidArtifactRequest",
                    "'" + DELTA + "' is empty; it must add or remove at least one artifact.");
        }
        if (items.size() > limits.maxItemsPerPatch()) {
            throw RequestRefused.invalid("RestoreArtifactsLimitBreached",
                    "A PATCH may carry at most " + limits.maxItemsPerPatch() + " items in '" + DELTA
                            + "'; this one carries " + items.size() + ".");
        }
    }

    /** An item's kind is decided by the keys it names (JSON null names one too), before it is bound as that kind. */
    private DeltaItem item(JsonNode item, String where) {
        if (!item.isObject()) {
            throw notAnObject(where).get();
        }
        if (item.has(DeltaBody.REMOVED)) {
            return remove(item, where);
        }
        if (item.has("id")) {
            throw invalid(where + " has an 'id' but no '@removed'; an artifact is removed with "
                    + "{\"@removed\": {\"reason\": \"deleted\"}, \"id\": \"...\"} and cannot be changed otherwise.");
        }
        if (item.has("restorePoint")) {
            return add(item, where);
        }
        throw invalid(where + " is neither an addition ('restorePoint' and 'destinationType') "
                + "nor a removal ('@removed' and 'id').");
    }

    private DeltaItem.Add add(JsonNode item, String where) {
        DeltaBody.Addition addition = BodyBinding.bind(json, item, DeltaBody.Addition.class, notAnObject(where));
        requireOnlyAnnotations(item, addition.undeclared(), "an addition", where);
        RestorePointLink restorePoint = RestorePointLink.read(json, addition.restorePoint())
                .orElseThrow(() -> invalid(where + ".restorePoint must name one restore point by '@odata.id', "
                        + "'@id' or 'id'."));
        DestinationType destinationType = text(addition.destinationType())
                .flatMap(DestinationType::fromGraphName)
                .orElseThrow(() -> invalid(where + ".destinationType must be 'inPlace' or 'new'."));
        return new DeltaItem.Add(contentId(addition.undeclared(), where), restorePoint, destinationType);
    }

    private DeltaItem.Remove remove(JsonNode item, String where) {
        DeltaBody.Removal removal = BodyBinding.bind(json, item, DeltaBody.Removal.class, notAnObject(where));
        requireOnlyAnnotations(item, removal.undeclared(), "a removal", where);
        Supplier<RequestRefused> notAReason = () -> invalid(where + ".@removed must be {\"reason\": \"changed\"} or "
                + "{\"reason\": \"deleted\"}.");
        JsonNode reasonGiven = BodyBinding.bind(json, removal.removed(), DeltaBody.Removed.class, notAReason).reason();
        if (reasonGiven == null) {
            throw notAReason.get();
        }
        RemovalReason reason = text(reasonGiven)
                .flatMap(RemovalReason::fromGraphName)
                .orElseThrow(() -> invalid(where + ".@removed.reason must be 'changed' or 'deleted'."));
        String artifactId = text(removal.id()).filter(id -> !id.isBlank())
                .orElseThrow(() -> invalid(where + " must name the artifact to remove in 'id'."));
        return new DeltaItem.Remove(contentId(removal.undeclared(), where), artifactId, reason);
    }

    /** What a kind does not declare it takes only as annotations: its type and the client's content id. */
    private static void requireOnlyAnnotations(JsonNode item, Map<String, JsonNode> undeclared, String kind,
                                               String where) {
        for (String name : BodyBinding.inSentOrder(item, undeclared)) {
            if (name.equals(ODataType.ANNOTATION)) {
                if (!ODataType.names(undeclared.get(name), ODataType.MAILBOX_RESTORE_ARTIFACT)) {
                    throw invalid(where + ".@odata.type must be '#" + ODataType.MAILBOX_RESTORE_ARTIFACT + "'.");
                }
            } else if (!CONTENT_IDS.contains(name)) {
                throw invalid(where + " is " + kind + ", which does not take the property '" + name + "'.");
            }
        }
    }

    /** The content id under any of its names; JSON null names one too, and is no string. */
    private static String contentId(Map<String, JsonNode> annotations, String where) {
        List<String> values = CONTENT_IDS.stream()
                .filter(annotations::containsKey)
                .map(key -> text(annotations.get(key))
                        .orElseThrow(() -> invalid(where + "." + key + " must be a string.")))
                .distinct()
                .toList();
        if (values.size() > 1) {
            throw invalid(where + " carries different content ids; send one '@contentId'.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Supplier<RequestRefused> notAnObject(String where) {
        return () -> invalid(where + " must be a JSON object.");
    }

    private static Optional<String> text(JsonNode value) {
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static RequestRefused invalid(String message) {
        return RequestRefused.invalid(INVALID, message);
    }
}
