package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.RemovalReason;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Reads the body of a delta PATCH, all of it before anything is sent: a body that is not exactly the shape of
 * docs/api.md ("PATCH: the delta payload", request-level checks) is refused whole.
 *
 * <p>The body is walked as a JSON tree rather than bound to records because each way of being malformed has its own
 * Graph code and message; what comes out are the typed {@link DeltaItem}s.
 */
@Component
class DeltaRequestReader {

    static final String DELTA = "mailboxRestoreArtifacts@delta";
    private static final String INVALID = "InvalidPatchRequest";
    private static final String REMOVED = "@removed";
    private static final String REASON = "reason";
    private static final String ID = "id";
    private static final String RESTORE_POINT = "restorePoint";
    private static final String DESTINATION_TYPE = "destinationType";
    private static final List<String> CONTENT_IDS = List.of("@contentId", "@Core.ContentID", "@Org.OData.Core.V1.ContentID");
    private static final Set<String> ADD_PROPERTIES = properties(RESTORE_POINT, DESTINATION_TYPE);
    private static final Set<String> REMOVE_PROPERTIES = properties(REMOVED, ID);

    private final StrictJson json;
    private final RestoreLimits limits;

    DeltaRequestReader(StrictJson json, RestoreLimits limits) {
        this.json = json;
        this.limits = limits;
    }

    List<DeltaItem> read(byte[] body) {
        JsonNode root = json.read(body).orElseThrow(() -> invalid(StrictJson.NOT_STRICT));
        if (!root.isObject()) {
            throw invalid("The request body must be a JSON object with the property '" + DELTA + "'.");
        }
        requireOnlyTheDelta(root);
        JsonNode items = root.get(DELTA);
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

    private static void requireOnlyTheDelta(JsonNode root) {
        for (Iterator<String> names = root.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals(ODataType.ANNOTATION)) {
                // An SDK marks every object it sends with its type: an annotation, not a property to change.
                if (!ODataType.names(root.get(name), ODataType.EXCHANGE_RESTORE_SESSION)) {
                    throw invalid("@odata.type must be '#" + ODataType.EXCHANGE_RESTORE_SESSION + "'.");
                }
            } else if (!name.equals(DELTA)) {
                throw invalid("The property '" + name + "' cannot be changed; a PATCH carries only '" + DELTA + "'.");
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

    private static DeltaItem item(JsonNode item, String where) {
        if (!item.isObject()) {
            throw invalid(where + " must be a JSON object.");
        }
        if (item.has(REMOVED)) {
            return remove(item, where);
        }
        if (item.has(ID)) {
            throw invalid(where + " has an 'id' but no '@removed'; an artifact is removed with "
                    + "{\"@removed\": {\"reason\": \"deleted\"}, \"id\": \"...\"} and cannot be changed otherwise.");
        }
        if (item.has(RESTORE_POINT)) {
            return add(item, where);
        }
        throw invalid(where + " is neither an addition ('restorePoint' and 'destinationType') "
                + "nor a removal ('@removed' and 'id').");
    }

    private static DeltaItem.Add add(JsonNode item, String where) {
        requireOnly(item, ADD_PROPERTIES, "an addition", where);
        RestorePointLink restorePoint = RestorePointLink.read(item.get(RESTORE_POINT))
                .orElseThrow(() -> invalid(where + ".restorePoint must name one restore point by '@odata.id', "
                        + "'@id' or 'id'."));
        DestinationType destinationType = text(item.get(DESTINATION_TYPE))
                .flatMap(DestinationType::fromGraphName)
                .orElseThrow(() -> invalid(where + ".destinationType must be 'inPlace' or 'new'."));
        return new DeltaItem.Add(contentId(item, where), restorePoint, destinationType);
    }

    private static DeltaItem.Remove remove(JsonNode item, String where) {
        requireOnly(item, REMOVE_PROPERTIES, "a removal", where);
        JsonNode removed = item.get(REMOVED);
        if (!removed.isObject() || removed.size() != 1 || !removed.has(REASON)) {
            throw invalid(where + ".@removed must be {\"reason\": \"changed\"} or {\"reason\": \"deleted\"}.");
        }
        RemovalReason reason = text(removed.get(REASON))
                .flatMap(RemovalReason::fromGraphName)
                .orElseThrow(() -> invalid(where + ".@removed.reason must be 'changed' or 'deleted'."));
        String artifactId = text(item.get(ID)).filter(id -> !id.isBlank())
                .orElseThrow(() -> invalid(where + " must name the artifact to remove in 'id'."));
        return new DeltaItem.Remove(contentId(item, where), artifactId, reason);
    }

    private static void requireOnly(JsonNode item, Set<String> allowed, String kind, String where) {
        for (Iterator<String> names = item.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (name.equals(ODataType.ANNOTATION)) {
                if (!ODataType.names(item.get(name), ODataType.MAILBOX_RESTORE_ARTIFACT)) {
                    throw invalid(where + ".@odata.type must be '#" + ODataType.MAILBOX_RESTORE_ARTIFACT + "'.");
                }
            } else if (!allowed.contains(name)) {
                throw invalid(where + " is " + kind + ", which does not take the property '" + name + "'.");
            }
        }
    }

    private static String contentId(JsonNode item, String where) {
        List<String> values = CONTENT_IDS.stream()
                .filter(item::has)
                .map(key -> text(item.get(key)).orElseThrow(() -> invalid(where + "." + key + " must be a string.")))
                .distinct()
                .toList();
        if (values.size() > 1) {
            throw invalid(where + " carries different content ids; send one '@contentId'.");
        }
        return values.isEmpty() ? null : values.get(0);
    }

    private static Optional<String> text(JsonNode value) {
        return value != null && value.isTextual() ? Optional.of(value.asText()) : Optional.empty();
    }

    private static Set<String> properties(String... names) {
        return Set.copyOf(Stream.concat(Stream.of(names), CONTENT_IDS.stream()).toList());
    }

    private static RequestRefused invalid(String message) {
        return RequestRefused.invalid(INVALID, message);
    }
}
