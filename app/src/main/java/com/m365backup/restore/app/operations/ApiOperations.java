package com.m365backup.restore.app.operations;

import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.StringSchema;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import static com.m365backup.restore.app.operations.OperationDescription.TEXT;
import static com.m365backup.restore.app.operations.OperationDescription.XML;
import static com.m365backup.restore.app.operations.QueryParameters.asOf;
import static com.m365backup.restore.app.operations.QueryParameters.clientRequestId;
import static com.m365backup.restore.app.operations.QueryParameters.count;
import static com.m365backup.restore.app.operations.QueryParameters.expand;
import static com.m365backup.restore.app.operations.QueryParameters.filter;
import static com.m365backup.restore.app.operations.QueryParameters.ifMatch;
import static com.m365backup.restore.app.operations.QueryParameters.orderBy;
import static com.m365backup.restore.app.operations.QueryParameters.preferUnknownEnums;
import static com.m365backup.restore.app.operations.QueryParameters.select;
import static com.m365backup.restore.app.operations.QueryParameters.skipToken;
import static com.m365backup.restore.app.operations.QueryParameters.top;
import static com.m365backup.restore.app.operations.QueryParameters.version;

/**
 * Every operation of the document, by method and versionless path, in one table: what each controller answers,
 * which query options its capabilities take, and which statuses it can answer. A handler that serves
 * several paths (a type cast, {@code $count} of several collections) has one operation per path, all alike.
 */
final class ApiOperations {

    static final String SESSIONS_TAG = "Exchange restore sessions";
    static final String ARTIFACTS_TAG = "Mailbox restore artifacts";
    static final String BULK_TAG = "Bulk addition requests";
    static final String ALL_SESSIONS_TAG = "Restore sessions";
    static final String RESTORE_POINTS_TAG = "Restore points";
    static final String UNITS_TAG = "Protection units";
    static final String METADATA_TAG = "Metadata";
    static final String AUDIT_TAG = "Audit";
    static final Set<String> TAGS = Set.of(SESSIONS_TAG, ARTIFACTS_TAG, BULK_TAG, ALL_SESSIONS_TAG,
            RESTORE_POINTS_TAG, UNITS_TAG, METADATA_TAG, AUDIT_TAG);

    private static final String ROOT = "/solutions/backupRestore";
    private static final String SESSIONS = ROOT + "/exchangeRestoreSessions";
    private static final String SESSION = SESSIONS + "/{sessionId}";
    private static final String ARTIFACTS = SESSION + "/{collection}";
    private static final String REQUESTS = SESSION + "/mailboxRestoreArtifactsBulkAdditionRequests";
    private static final String ANY_SESSIONS = ROOT + "/restoreSessions";
    private static final String RESTORE_POINTS = ROOT + "/restorePoints";
    private static final String UNITS = ROOT + "/protectionUnits";
    private static final String MAILBOX_UNITS = ROOT + "/mailboxProtectionUnits";
    private static final String[] UNIT_LISTS = {UNITS, UNITS + "/microsoft.graph.mailboxProtectionUnit",
            UNITS + "/graph.mailboxProtectionUnit", MAILBOX_UNITS};
    private static final String[] UNIT_ENTITIES = {UNITS + "/{unitId}",
            UNITS + "/{unitId}/microsoft.graph.mailboxProtectionUnit", UNITS + "/{unitId}/graph.mailboxProtectionUnit",
            MAILBOX_UNITS + "/{unitId}"};

    private static final String[] SESSION_PROPERTIES = {"id", "status", "createdBy", "createdDateTime",
            "lastModifiedBy", "lastModifiedDateTime", "completedDateTime", "error", "restoreJobType",
            "restoreSessionArtifactCount"};
    private static final String[] ARTIFACT_PROPERTIES = {"id", "restorePoint", "destinationType", "status",
            "createdDateTime", "startDateTime", "completionDateTime", "error", "restoredFolderId",
            "restoredFolderName", "restoredItemCount", "searchResponseId"};
    private static final String[] REQUEST_PROPERTIES = {"id", "displayName", "destinationType",
            "protectionTimePeriod", "restorePointPreference", "tags", "status", "error", "mailboxes",
            "directoryObjectIds", "protectionUnitIds", "createdBy", "createdDateTime", "lastModifiedBy",
            "lastModifiedDateTime"};
    private static final String[] UNIT_PROPERTIES = {"id", "directoryObjectId", "displayName", "email",
            "mailboxType", "status", "policyId", "protectionSources", "backupRetentionPeriodInDays", "billingPolicyId",
            "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime", "offboardRequestedDateTime",
            "error"};

    private static final String SESSION_FILTER = "status (eq, ne) and createdDateTime (eq, ne, ge, le), joined by"
            + " and. Filtering on status failed needs 'Prefer: include-unknown-enum-members'.";
    private static final String SESSION_ORDER = "createdDateTime or lastModifiedDateTime, asc (default) or desc.";
    private static final String NOT_DRAFT = "The token lacks the permission, or the session is not in draft"
            + " (RestoreSessionActionNotAllowed).";
    private static final String SESSION_NOT_FOUND = "The session is unknown to the caller's tenant"
            + " (RestoreSessionNotFound).";
    private static final String SESSION_ID_OR_QUERY = "The session id is not a GUID (InvalidRestoreSessionId), or a"
            + " query option is not supported here.";

    private final Map<String, OperationDescription> operations = new HashMap<>();
    private final Map<String, String> operationIds = new HashMap<>();

    ApiOperations(Object deltaExample, Object createExample) {
        sessions(deltaExample, createExample);
        artifacts();
        bulkRequests();
        anySessions();
        restorePoints();
        protectionUnits();
        metadata();
        audit();
    }

    /** The description of {@code method} on {@code path} (a versionless path, as the document names it). */
    Optional<OperationDescription> of(String method, String path) {
        return Optional.ofNullable(operations.get(method.toUpperCase(Locale.ROOT) + " " + path));
    }

    /** The operation's id: its summary in camel case, numbered from the second path of a handler on. */
    String operationId(String method, String path) {
        return operationIds.get(method.toUpperCase(Locale.ROOT) + " " + path);
    }

    private void describe(String method, OperationDescription description, String... paths) {
        for (int i = 0; i < paths.length; i++) {
            String key = method + " " + paths[i];
            if (operations.put(key, description) != null) {
                throw new IllegalStateException("Described twice: " + key);
            }
            operationIds.put(key, description.camelCaseSummary() + (i == 0 ? "" : Integer.toString(i + 1)));
        }
    }

    private void sessions(Object deltaExample, Object createExample) {
        describe("POST", OperationDescription.of(SESSIONS_TAG, "Create an Exchange restore session")
                .description("All or nothing: any artifact that cannot be added refuses the whole create.")
                .parameters(clientRequestId(), preferUnknownEnums())
                .body("exchangeRestoreSessionCreate", "The new session, optionally with its first artifacts.",
                        createExample)
                .answers(201, "The session, in draft.", "exchangeRestoreSession")
                .withHeader(201, "Location", "The session's address.")
                .withHeader(201, "ETag", "The session's version.")
                .answers(202, "Created, but not yet readable; it will be at Location.")
                .withHeader(202, "Location", "The session's address.")
                .fails(400, "The body is not valid JSON or not a session, or an artifact cannot be added"
                        + " (BadRequest, InvalidRestorePoint, InvalidPathType, DifferentRestoreDestinationType,"
                        + " DuplicateArtifactInList, InvalidSearchRequest).")
                .fails(403, 406, 408)
                .fails(413, "More than 50 artifacts (RestoreArtifactsLimitBreached), or a body too large.")
                .fails(415, 503), SESSIONS);
        describe("GET", OperationDescription.of(SESSIONS_TAG, "List Exchange restore sessions")
                .parameters(top(1000), skipToken(), count(), filter(SESSION_FILTER, "status eq 'draft'"),
                        orderBy(SESSION_ORDER, "createdDateTime desc"), select(SESSION_PROPERTIES),
                        expand("mailboxRestoreArtifacts", "granularMailboxRestoreArtifacts"), preferUnknownEnums())
                .answers(200, "A page of the tenant's Exchange restore sessions.", "exchangeRestoreSessionCollection")
                .fails(400, 403, 406, 503), SESSIONS);
        describe("GET", OperationDescription.of(SESSIONS_TAG, "Get an Exchange restore session")
                .parameters(select(SESSION_PROPERTIES), expand("mailboxRestoreArtifacts",
                        "granularMailboxRestoreArtifacts", "mailboxRestoreArtifactsBulkAdditionRequests"),
                        preferUnknownEnums())
                .answers(200, "The session.", "exchangeRestoreSession")
                .withHeader(200, "ETag", "The session's version.")
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 503), SESSION);
        describe("PATCH", OperationDescription.of(SESSIONS_TAG, "Add and remove mailbox restore artifacts")
                .description("Items are applied in request order, each on its own; one item's failure does not undo"
                        + " another's success. The whole request is refused only for the reasons of its 4xx answers.")
                .parameters(ifMatch())
                .body("exchangeRestoreSessionDelta", "The items to add and to remove, each applied on its own.",
                        deltaExample)
                .answers(200, "The outcome of each item (added artifacts and failures; removals are not shown).",
                        "exchangeRestoreSessionDeltaResult")
                .answers(202, "Applied, but not yet readable: a GET will show it soon.",
                        "exchangeRestoreSessionDeltaResult")
                .fails(400, "The body is not a delta (InvalidPatchRequest), holds no item (InvalidArtifactRequest)"
                        + " or more than 50 (RestoreArtifactsLimitBreached), or the session id is not a GUID"
                        + " (InvalidRestoreSessionId).")
                .fails(403, NOT_DRAFT + " A bulk session takes no PATCH.")
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 408, 412, 413, 415, 503), SESSION);
        OperationDescription delete = OperationDescription.of(SESSIONS_TAG, "Delete an Exchange restore session")
                .parameters(ifMatch())
                .answers(204, "Deleted: gone from every Graph path (its events stay for audit).")
                .answers(202, "Deleted, but still readable for a moment.")
                .fails(400, "The session id is not a GUID (InvalidRestoreSessionId).")
                .fails(403, NOT_DRAFT)
                .fails(404, SESSION_NOT_FOUND)
                .fails(412, 503);
        describe("DELETE", delete, SESSION);
    }

    private void artifacts() {
        describe("GET", OperationDescription.of(ARTIFACTS_TAG, "List a session's artifacts")
                .description("In the order they were added, each with its restore point.")
                .parameters(top(1000), skipToken(), count(), filter("status (eq, ne).", "status eq 'failed'"),
                        select(ARTIFACT_PROPERTIES), expand("restorePoint"))
                .answers(200, "A page of the session's artifacts (granular ones carry searchResponseId).",
                        "mailboxRestoreArtifactCollection")
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 503), ARTIFACTS);
        describe("GET", OperationDescription.of(ARTIFACTS_TAG, "Count a session's artifacts")
                .answers(200, "The number of artifacts (also labelled application/json when only that is accepted).",
                        TEXT, new IntegerSchema())
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 503), ARTIFACTS + "/$count");
        describe("GET", OperationDescription.of(ARTIFACTS_TAG, "Get a session's artifact")
                .parameters(select(ARTIFACT_PROPERTIES), expand("restorePoint"))
                .answers(200, "The artifact.", "granularMailboxRestoreArtifact")
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, "The session or the artifact is unknown (RestoreSessionNotFound, itemNotFound).")
                .fails(406, 503), ARTIFACTS + "/{artifactId}");
    }

    private void bulkRequests() {
        describe("POST", OperationDescription.of(BULK_TAG, "Create a bulk addition request")
                .description("Only on a draft session without artifacts, once per session; its mailboxes are"
                        + " resolved to artifacts at activation.")
                .body("bulkAdditionRequestCreate", "The mailboxes and the time window.", null)
                .answers(201, "The request, active.", "mailboxRestoreArtifactsBulkAdditionRequest")
                .withHeader(201, "Location", "The request's address.")
                .answers(202, "Created, but not yet readable; it will be at Location.")
                .withHeader(202, "Location", "The request's address.")
                .fails(400, "The body is not valid (BulkRestoreInvalidCreateRequest,"
                        + " BulkRestoreInvalidCreateRequestUserEmail), names more than 10,000 mailboxes"
                        + " (BulkRestoreRestorationResourcesCountExceedsLimit), or the session id is not a GUID.")
                .fails(403, NOT_DRAFT + " The session holds artifacts or a bulk request already.")
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 408, 413, 415, 503), REQUESTS);
        describe("GET", OperationDescription.of(BULK_TAG, "List a session's bulk addition requests")
                .parameters(top(1000), skipToken(), count(), select(REQUEST_PROPERTIES))
                .answers(200, "The session's bulk addition requests (at most one), without their mailboxes.",
                        "bulkAdditionRequestCollection")
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 503), REQUESTS);
        describe("GET", OperationDescription.of(BULK_TAG, "Count a session's bulk addition requests")
                .answers(200, "The number of requests.", TEXT, new IntegerSchema())
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 503), REQUESTS + "/$count");
        describe("GET", OperationDescription.of(BULK_TAG, "Get a bulk addition request")
                .parameters(select(REQUEST_PROPERTIES))
                .answers(200, "The request, with its mailboxes.", "mailboxRestoreArtifactsBulkAdditionRequest")
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, "The session or the request is unknown (RestoreSessionNotFound,"
                        + " BulkRestoreArtifactsNotFound).")
                .fails(406, 503), REQUESTS + "/{requestId}");
        describe("DELETE", OperationDescription.of(BULK_TAG, "Delete a bulk addition request")
                .description("Once the request is completed or completedWithErrors; its artifacts stay.")
                .answers(204, "Deleted.")
                .answers(202, "Deleted, but still readable for a moment.")
                .fails(400, "The session id is not a GUID (InvalidRestoreSessionId).")
                .fails(403, "The token lacks the permission, or the request is not resolved yet"
                        + " (InvalidStateForBulkRequestDeletion).")
                .fails(404, "The session or the request is unknown (RestoreSessionNotFound,"
                        + " BulkRestoreArtifactsNotFound).")
                .fails(503), REQUESTS + "/{requestId}");
    }

    private void anySessions() {
        describe("GET", OperationDescription.of(ALL_SESSIONS_TAG, "List restore sessions of every kind")
                .description("Sessions of every kind (here: Exchange), each naming its type in @odata.type.")
                .parameters(top(1000), skipToken(), count(), filter(SESSION_FILTER, "status eq 'draft'"),
                        orderBy(SESSION_ORDER, "createdDateTime desc"), select(SESSION_PROPERTIES),
                        preferUnknownEnums())
                .answers(200, "A page of the tenant's restore sessions.", "exchangeRestoreSessionCollection")
                .fails(400, 403, 406, 503), ANY_SESSIONS);
        describe("GET", OperationDescription.of(ALL_SESSIONS_TAG, "Get a restore session")
                .parameters(select(SESSION_PROPERTIES), preferUnknownEnums())
                .answers(200, "The session.", "exchangeRestoreSession")
                .withHeader(200, "ETag", "The session's version.")
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 503), ANY_SESSIONS + "/{sessionId}");
        describe("POST", OperationDescription.of(ALL_SESSIONS_TAG, "Activate a restore session")
                .description("Starts the restore of every artifact; a bulk session's mailboxes are resolved first.")
                .parameters(ifMatch(), preferUnknownEnums())
                .answers(200, "The session, now activating.", "exchangeRestoreSession")
                .withHeader(200, "ETag", "The session's version.")
                .answers(202, "Activated, but not yet readable: a GET will show it soon.")
                .fails(400, "The session has no artifact, or no mailbox of its bulk request resolved"
                        + " (InvalidArtifactRequest), or too many mailboxes of the tenant are in restore"
                        + " (RestoreArtifactsLimitBreached), or the session id is not a GUID.")
                .fails(403, NOT_DRAFT)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406)
                .fails(409, "The bulk request's resolution is not readable yet; nothing changed, send it again"
                        + " (Conflict).")
                .fails(412)
                .fails(500, "Too many sessions of the tenant are activating or active (TooManyActiveRestoreSessions,"
                        + " as Graph answers it).")
                .fails(503), ANY_SESSIONS + "/{sessionId}/activate");
        describe("DELETE", OperationDescription.of(ALL_SESSIONS_TAG, "Delete a restore session")
                .parameters(ifMatch())
                .answers(204, "Deleted: gone from every Graph path (its events stay for audit).")
                .answers(202, "Deleted, but still readable for a moment.")
                .fails(400, "The session id is not a GUID (InvalidRestoreSessionId).")
                .fails(403, NOT_DRAFT)
                .fails(404, SESSION_NOT_FOUND)
                .fails(412, 503), ANY_SESSIONS + "/{sessionId}");
    }

    private void restorePoints() {
        describe("GET", OperationDescription.of(RESTORE_POINTS_TAG, "List a protection unit's restore points")
                .description("Newest first, at most five, each with its protection unit. The protection unit is"
                        + " named as Graph asks: $expand=protectionUnit($filter=id eq '<unit id>').")
                .parameters(top(5), count(),
                        QueryParameters.query("$expand", "protectionUnit($filter=id eq '<protection unit id>'),"
                                + " required.", new StringSchema().example(
                                "protectionUnit($filter=id eq '4d5e6f70-8192-4a3b-9c4d-5e6f70819a2b')")),
                        filter("protectionDateTime (lt, le, gt, ge), joined by and.",
                                "protectionDateTime lt 2026-01-31T00:00:00Z"),
                        orderBy("protectionDateTime, desc (default) or asc.", "protectionDateTime asc"))
                .answers(200, "The restore points.", "restorePointCollection")
                .fails(400, "No protection unit named, or a query option not supported here (BadRequest).")
                .fails(403, 406, 503), RESTORE_POINTS);
        describe("GET", OperationDescription.of(RESTORE_POINTS_TAG, "Get a restore point")
                .parameters(expand("protectionUnit"))
                .answers(200, "The restore point; its protection unit with $expand=protectionUnit.", "restorePoint")
                .fails(400, 403)
                .fails(404, "The restore point is unknown to the caller's tenant (itemNotFound).")
                .fails(406, 503), RESTORE_POINTS + "/{restorePointId}");
        describe("POST", OperationDescription.of(RESTORE_POINTS_TAG, "Search restore points")
                .description("The restore points of some protection units within a time window; with an"
                        + " artifactQuery, a search of one unit's messages for a granular restore, kept under its"
                        + " searchResponseId. Needs BackupRestore-Search.Read.All.")
                .body("restorePointSearchRequest", "The protection units, the window and the preferences.", null)
                .answers(200, "The restore points found and the units without any.", "restorePointSearchResponse")
                .fails(400, "The body is not a search (InvalidSearchRequest, BadRequest).")
                .fails(403, 406, 408, 413, 415, 503), RESTORE_POINTS + "/search");
    }

    private void protectionUnits() {
        describe("GET", OperationDescription.of(UNITS_TAG, "List protection units")
                .description("The tenant's mailboxes in the catalog; the type cast and mailboxProtectionUnits list"
                        + " the same units.")
                .parameters(top(1000), skipToken(), count(), filter("email and displayName (eq, startswith),"
                        + " directoryObjectId (eq), joined by and.", "startswith(displayName,'Alex')"),
                        select(UNIT_PROPERTIES))
                .answers(200, "A page of protection units.", "mailboxProtectionUnitCollection")
                .fails(400, 403, 406, 503), UNIT_LISTS);
        describe("GET", OperationDescription.of(UNITS_TAG, "Count protection units")
                .parameters(filter("email and displayName (eq, startswith), directoryObjectId (eq), joined by and.",
                        "startswith(email,'alex')"))
                .answers(200, "The number of units that meet $filter.", TEXT, new IntegerSchema())
                .fails(400, 403, 406, 503), countsOf(UNIT_LISTS));
        describe("GET", OperationDescription.of(UNITS_TAG, "Get a protection unit")
                .parameters(select(UNIT_PROPERTIES))
                .answers(200, "The protection unit.", "mailboxProtectionUnit")
                .fails(400, 403)
                .fails(404, "The unit is unknown to the caller's tenant (itemNotFound).")
                .fails(406, 503), UNIT_ENTITIES);
    }

    private void metadata() {
        describe("GET", OperationDescription.of(METADATA_TAG, "Get the service's metadata document")
                .description("OData 4.0 CSDL XML of the entity types, enums, entity sets and actions served; it"
                        + " describes types, no tenant's data, so it needs no token.")
                .withoutToken()
                .answers(200, "The CSDL document.", XML, new StringSchema())
                .fails(400, "A query option: the metadata document takes none.")
                .fails(406), "/$metadata");
    }

    private void audit() {
        String auditPermission = " Needs BackupRestore-Restore.Read.All and the app role BackupRestore-Audit.Read.";
        describe("GET", OperationDescription.of(AUDIT_TAG, "Read a session's history")
                .description("The session's events in order: type, sequence number, time, who, payload; also of"
                        + " deleted and retired sessions." + auditPermission)
                .parameters(top(1000), skipToken())
                .answers(200, "A page of the session's events.", "sessionHistoryPage")
                .fails(400, SESSION_ID_OR_QUERY)
                .fails(403)
                .fails(404, SESSION_NOT_FOUND)
                .fails(406, 503), "/audit/restoreSessions/{sessionId}/events");
        describe("GET", OperationDescription.of(AUDIT_TAG, "Read a session as it stood")
                .description("The session and its artifacts at a past time or version, rebuilt from its events."
                        + auditPermission)
                .parameters(asOf(), version())
                .answers(200, "The session as it stood then.", "pastRestoreSession")
                .fails(400, "Not exactly one of asOf and version, a value that is not one, or a session id that is"
                        + " not a GUID.")
                .fails(403)
                .fails(404, "The session is unknown to the caller's tenant, or did not exist yet then"
                        + " (RestoreSessionNotFound).")
                .fails(406, 503), "/audit/restoreSessions/{sessionId}");
        String operator = " An operator's action: it needs the operator app role of the service's own tenant.";
        describe("POST", OperationDescription.of(AUDIT_TAG, "Rebuild the read model from the event store")
                .description("Rebuilds beside the live read model, then switches; readers see the live one meanwhile."
                        + operator)
                .answers(202, "Started (or running already); its status is at Location.", "replayStatus")
                .withHeader(202, "Location", "The rebuild's status.")
                .fails(403, 406, 503), "/audit/projections/replay");
        describe("GET", OperationDescription.of(AUDIT_TAG, "Read how far the rebuild has come")
                .description("The state of the last rebuild." + operator)
                .answers(200, "The rebuild's status.", "replayStatus")
                .fails(403, 406), "/audit/projections/replay");
    }

    private static String[] countsOf(String... collections) {
        String[] counts = new String[collections.length];
        for (int i = 0; i < collections.length; i++) {
            counts[i] = collections[i] + "/$count";
        }
        return counts;
    }
}
