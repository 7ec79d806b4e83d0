package com.m365backup.restore.app.bulk;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.app.FastRestores;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphAnswers.assertGraphError;
import static com.m365backup.restore.app.GraphAnswers.json;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static com.m365backup.restore.app.TestCatalog.email;
import static com.m365backup.restore.app.TestCatalog.takenAt;
import static com.m365backup.restore.app.TestCatalog.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Bulk addition requests over HTTP on PostgreSQL (docs/api.md, Bulk addition requests): the request's whole JSON as
 * created, read, listed and counted; its resolution at activation into one artifact per mailbox, with the restore
 * point its preference and tag pick in its window and the mailboxes it could not resolve in {@code error.details};
 * its deletion; and every error row of the section, each checked against the event store afterwards.
 */
@FastRestores
class BulkAdditionRequestsTest extends RunningApplicationTest {

    private static final String ACTIVATE = "/beta/solutions/backupRestore/restoreSessions/%s/activate";
    private static final String REQUESTS = "/mailboxRestoreArtifactsBulkAdditionRequests";
    private static final OffsetDateTime FEBRUARY = OffsetDateTime.of(2026, 2, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime MARCH = OffsetDateTime.of(2026, 3, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime APRIL = OffsetDateTime.of(2026, 4, 1, 2, 0, 0, 0, ZoneOffset.UTC);
    private static final String YEAR = """
            {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2026-12-31T00:00:00Z"}""";

    private String prefix;

    @BeforeEach
    void connect() {
        prefix = "bulk-" + UUID.randomUUID();
    }

    @Test
    void a_bulk_request_for_an_empty_draft_is_created_active_and_makes_the_session_a_bulk_session() {
        String session = emptyDraft();
        String adele = mailboxWithThreeRestorePoints("adele");

        GraphHttp.Response created = http.post(SESSIONS + "/" + session + REQUESTS, """
                {"@odata.type": "#microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest",
                 "displayName": "Sales team", "mailboxes": ["%s", "%s"], "directoryObjectIds": ["%s"],
                 "protectionTimePeriod": %s, "destinationType": "inPlace"}""".formatted(
                email(adele), email(adele).toUpperCase(), user(adele), YEAR));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode request = created.json();
        String id = request.get("id").asText();
        assertThat(created.header("Location")).endsWith(SESSIONS + "/" + session + REQUESTS + "/" + id);
        assertThat(request).isEqualTo(json("""
                {"@odata.type": "#microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest",
                 "id": "%s", "displayName": "Sales team", "destinationType": "inPlace",
                 "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z",
                                          "endDateTime": "2026-12-31T00:00:00Z"},
                 "restorePointPreference": "latest", "tags": null, "status": "active", "error": null,
                 "mailboxes": ["%s"], "directoryObjectIds": ["%s"], "protectionUnitIds": null,
                 "createdBy": {"user": {"id": "%s", "displayName": "%s"}}, "createdDateTime": "%s",
                 "lastModifiedBy": {"user": {"id": "%4$s", "displayName": "%5$s"}}, "lastModifiedDateTime": "%6$s"}"""
                .formatted(id, email(adele), user(adele), TestTokens.USER_ID, TestTokens.USER_NAME,
                        request.get("createdDateTime").asText())));
        assertThat(http.get(SESSIONS + "/" + session + REQUESTS + "/" + id).json()).isEqualTo(request);
        JsonNode list = http.get(SESSIONS + "/" + session + REQUESTS).json();
        assertThat(list.get("@odata.context").asText()).endsWith("/beta/$metadata#solutions/backupRestore/"
                + "exchangeRestoreSessions('" + session + "')/mailboxRestoreArtifactsBulkAdditionRequests");
        JsonNode listed = request.deepCopy();
        ((ObjectNode) listed).remove("mailboxes");
        assertThat(list.get("value")).containsExactly(listed);
        assertThat(http.get(SESSIONS + "/" + session + REQUESTS + "/$count").body()).isEqualTo("1");
        JsonNode read = http.get(SESSIONS + "/" + session).json();
        assertThat(read.get("restoreJobType").asText()).isEqualTo("bulk");
        assertThat(read.get("restoreSessionArtifactCount").get("total").asInt()).isZero();
        assertThat(events.eventTypesOf(session)).containsExactly("RestoreSessionCreated",
                "BulkAdditionRequestCreated");
    }

    @Test
    void activation_resolves_each_mailbox_by_email_or_directory_object_id_into_one_artifact_and_names_the_rest() {
        String session = emptyDraft();
        String adele = mailboxWithThreeRestorePoints("adele");
        String alex = mailboxWithThreeRestorePoints("alex");
        String late = prefix + "-late";
        catalog.mailbox(late, takenAt(late + "-rp", OffsetDateTime.of(2027, 6, 1, 0, 0, 0, 0, ZoneOffset.UTC), "none"));
        String nobody = prefix + "-nobody@contoso.com";
        String requestId = created(session, """
                {"mailboxes": ["%s", "%s", "%s"], "directoryObjectIds": ["%s"],
                 "protectionTimePeriod": %s, "destinationType": "new"}""".formatted(
                email(adele).toUpperCase(), nobody, email(late), user(alex), YEAR));

        GraphHttp.Response activated = http.post(ACTIVATE.formatted(session), "");

        assertThat(activated.status()).as(activated.body()).isEqualTo(200);
        JsonNode request = http.get(SESSIONS + "/" + session + REQUESTS + "/" + requestId).json();
        assertThat(request.get("status").asText()).isEqualTo("completedWithErrors");
        assertThat(request.get("error")).isEqualTo(json("""
                {"code": "BulkRestoreMailboxesNotResolved",
                 "message": "2 of the request's 4 mailboxes could not be resolved to a restore point; each is named in the details.",
                 "details": [
                   {"code": "ProtectionUnitNotFound",
                    "message": "The tenant has no mailbox with the email address '%s'.", "target": "%1$s"},
                   {"code": "RestorePointNotFound",
                    "message": "Mailbox '%s' has no restore point taken from 2026-01-01T00:00:00Z to 2026-12-31T00:00:00Z that has not expired.",
                    "target": "%2$s"}]}""".formatted(nobody, email(late))));
        JsonNode ended = awaitEnd(session);
        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.get("restoreJobType").asText()).isEqualTo("bulk");
        assertThat(ended.get("restoreSessionArtifactCount")).isEqualTo(json("""
                {"total": 2, "completed": 2, "failed": 0, "inProgress": 0}"""));
        assertThat(ended.get("mailboxRestoreArtifacts")).extracting(artifact -> artifact.get("restorePoint")
                .get("id").asText()).containsExactly(adele + "-april", alex + "-april");
        assertThat(ended.get("mailboxRestoreArtifacts")).allSatisfy(artifact ->
                assertThat(artifact.get("destinationType").asText()).isEqualTo("new"));
    }

    @Test
    void a_request_whose_every_mailbox_resolves_is_completed_without_error() {
        String session = emptyDraft();
        String requestId = aRequestForAdeleInPlace(session);

        assertThat(http.post(ACTIVATE.formatted(session), "").status()).isEqualTo(200);

        JsonNode request = http.get(SESSIONS + "/" + session + REQUESTS + "/" + requestId).json();
        assertThat(request.get("status").asText()).isEqualTo("completed");
        assertThat(request.get("error").isNull()).isTrue();
        assertThat(awaitEnd(session).get("restoreSessionArtifactCount").get("total").asInt()).isEqualTo(1);
    }

    @Test
    void the_oldest_preference_picks_the_first_restore_point_of_the_window() {
        String session = emptyDraft();
        String adele = mailboxWithThreeRestorePoints("adele");
        created(session, """
                {"mailboxes": ["%s"], "protectionTimePeriod": %s, "destinationType": "inPlace",
                 "restorePointPreference": "oldest"}""".formatted(email(adele), YEAR));

        assertThat(http.post(ACTIVATE.formatted(session), "").status()).isEqualTo(200);

        assertThat(restorePointsOf(session)).containsExactly(adele + "-february");
    }

    @Test
    void a_tag_and_a_narrow_window_pick_only_restore_points_that_carry_it_within_the_window() {
        String tagged = emptyDraft();
        String narrow = emptyDraft();
        String adele = mailboxWithThreeRestorePoints("adele");
        String alex = mailboxWithThreeRestorePoints("alex");
        created(tagged, """
                {"mailboxes": ["%s"], "protectionTimePeriod": %s, "destinationType": "inPlace",
                 "restorePointPreference": "oldest", "tags": "fastRestore"}""".formatted(email(adele), YEAR));
        created(narrow, """
                {"directoryObjectIds": ["%s"], "destinationType": "inPlace",
                 "protectionTimePeriod": {"startDateTime": "2026-02-15T00:00:00Z", "endDateTime": "2026-03-15T00:00:00Z"}}"""
                .formatted(user(alex)));

        assertThat(http.post(ACTIVATE.formatted(tagged), "").status()).isEqualTo(200);
        assertThat(http.post(ACTIVATE.formatted(narrow), "").status()).isEqualTo(200);

        assertThat(restorePointsOf(tagged)).containsExactly(adele + "-april");
        assertThat(restorePointsOf(narrow)).containsExactly(alex + "-march");
    }

    @Test
    void an_activation_that_resolves_no_mailbox_is_refused_and_changes_nothing() {
        String session = emptyDraft();
        String requestId = created(session, """
                {"mailboxes": ["%s-nobody@contoso.com"], "protectionTimePeriod": %s, "destinationType": "inPlace"}"""
                .formatted(prefix, YEAR));
        List<String> before = events.eventTypesOf(session);

        GraphHttp.Response refused = http.post(ACTIVATE.formatted(session), "");

        assertGraphError(refused, 400, "InvalidArtifactRequest");
        assertThat(events.eventTypesOf(session)).isEqualTo(before);
        assertThat(http.get(SESSIONS + "/" + session).json().get("status").asText()).isEqualTo("draft");
        assertThat(http.get(SESSIONS + "/" + session + REQUESTS + "/" + requestId).json().get("status").asText())
                .isEqualTo("active");
    }

    @Test
    void a_resolved_request_is_deleted_and_its_artifacts_stay() {
        String session = emptyDraft();
        String requestId = aRequestForAdeleInPlace(session);
        assertThat(http.post(ACTIVATE.formatted(session), "").status()).isEqualTo(200);
        awaitEnd(session);

        GraphHttp.Response deleted = http.delete(SESSIONS + "/" + session + REQUESTS + "/" + requestId);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertGraphError(http.get(SESSIONS + "/" + session + REQUESTS + "/" + requestId), 404,
                "BulkRestoreArtifactsNotFound");
        assertThat(http.get(SESSIONS + "/" + session + REQUESTS).json().get("value")).isEmpty();
        JsonNode read = http.get(SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts").json();
        assertThat(read.get("restoreJobType").asText()).isEqualTo("bulk");
        assertThat(read.get("mailboxRestoreArtifacts")).hasSize(1);
        assertThat(events.eventTypesOf(session)).endsWith("BulkAdditionRequestDeleted");
    }

    static Stream<Arguments> malformedRequests() {
        return Stream.of(
                Arguments.of("not JSON", "{\"mailboxes\": [", "BulkRestoreInvalidCreateRequest"),
                Arguments.of("not an object", "[]", "BulkRestoreInvalidCreateRequest"),
                Arguments.of("a property a request does not have", """
                        {"mailboxes": ["a@contoso.com"], "protectionTimePeriod": %s, "destinationType": "inPlace",
                         "siteWebUrls": ["https://contoso.sharepoint.com"]}""".formatted(YEAR),
                        "BulkRestoreInvalidCreateRequest"),
                Arguments.of("a read-only property", """
                        {"mailboxes": ["a@contoso.com"], "protectionTimePeriod": %s, "destinationType": "inPlace",
                         "status": "completed"}""".formatted(YEAR), "BulkRestoreInvalidCreateRequest"),
                Arguments.of("no mailbox at all", """
                        {"protectionTimePeriod": %s, "destinationType": "inPlace"}""".formatted(YEAR),
                        "BulkRestoreInvalidCreateRequest"),
                Arguments.of("empty lists", """
                        {"mailboxes": [], "directoryObjectIds": [], "protectionTimePeriod": %s,
                         "destinationType": "inPlace"}""".formatted(YEAR), "BulkRestoreInvalidCreateRequest"),
                Arguments.of("a malformed email", """
                        {"mailboxes": ["a@contoso.com", "adele at contoso"], "protectionTimePeriod": %s,
                         "destinationType": "inPlace"}""".formatted(YEAR), "BulkRestoreInvalidCreateRequestUserEmail"),
                Arguments.of("no time period", """
                        {"mailboxes": ["a@contoso.com"], "destinationType": "inPlace"}""",
                        "BulkRestoreInvalidCreateRequest"),
                Arguments.of("a time period without its end", """
                        {"mailboxes": ["a@contoso.com"], "destinationType": "inPlace",
                         "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z"}}""",
                        "BulkRestoreInvalidCreateRequest"),
                Arguments.of("an inverted time period", """
                        {"mailboxes": ["a@contoso.com"], "destinationType": "inPlace",
                         "protectionTimePeriod": {"startDateTime": "2026-02-01T00:00:00Z",
                                                  "endDateTime": "2026-01-01T00:00:00Z"}}""",
                        "BulkRestoreInvalidCreateRequest"),
                Arguments.of("a time that is not one", """
                        {"mailboxes": ["a@contoso.com"], "destinationType": "inPlace",
                         "protectionTimePeriod": {"startDateTime": "yesterday", "endDateTime": "2026-01-01T00:00:00Z"}}""",
                        "BulkRestoreInvalidCreateRequest"),
                Arguments.of("no destination type", """
                        {"mailboxes": ["a@contoso.com"], "protectionTimePeriod": %s}""".formatted(YEAR),
                        "BulkRestoreInvalidCreateRequest"),
                Arguments.of("an unknown destination type", """
                        {"mailboxes": ["a@contoso.com"], "protectionTimePeriod": %s, "destinationType": "elsewhere"}"""
                        .formatted(YEAR), "BulkRestoreInvalidCreateRequest"),
                Arguments.of("a destination type in another case", """
                        {"mailboxes": ["a@contoso.com"], "protectionTimePeriod": %s, "destinationType": "INPLACE"}"""
                        .formatted(YEAR), "BulkRestoreInvalidCreateRequest"),
                Arguments.of("an unknown preference", """
                        {"mailboxes": ["a@contoso.com"], "protectionTimePeriod": %s, "destinationType": "inPlace",
                         "restorePointPreference": "newest"}""".formatted(YEAR), "BulkRestoreInvalidCreateRequest"),
                Arguments.of("an unknown tag", """
                        {"mailboxes": ["a@contoso.com"], "protectionTimePeriod": %s, "destinationType": "inPlace",
                         "tags": "slowRestore"}""".formatted(YEAR), "BulkRestoreInvalidCreateRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRequests")
    void a_malformed_request_is_refused_and_changes_nothing(String description, String body, String code) {
        String session = emptyDraft();
        List<String> before = events.eventTypesOf(session);

        GraphHttp.Response refused = http.post(SESSIONS + "/" + session + REQUESTS, body);

        assertGraphError(refused, 400, code);
        assertThat(events.eventTypesOf(session)).isEqualTo(before);
    }

    @Test
    void a_request_of_ten_thousand_mailboxes_is_taken_and_one_more_is_refused() {
        String tenThousand = IntStream.range(0, 10_000).mapToObj(i -> "\"m" + i + "@contoso.com\"")
                .collect(Collectors.joining(","));
        String accepted = emptyDraft();
        String refused = emptyDraft();

        GraphHttp.Response taken = http.post(SESSIONS + "/" + accepted + REQUESTS, """
                {"mailboxes": [%s], "protectionTimePeriod": %s, "destinationType": "inPlace"}"""
                .formatted(tenThousand, YEAR));
        GraphHttp.Response tooMany = http.post(SESSIONS + "/" + refused + REQUESTS, """
                {"mailboxes": [%s], "directoryObjectIds": ["one-more"], "protectionTimePeriod": %s,
                 "destinationType": "inPlace"}""".formatted(tenThousand, YEAR));

        assertThat(taken.status()).as(taken.body()).isEqualTo(201);
        assertThat(taken.json().get("mailboxes")).hasSize(10_000);
        assertGraphError(tooMany, 400, "BulkRestoreRestorationResourcesCountExceedsLimit");
        assertThat(events.eventTypesOf(refused)).containsExactly("RestoreSessionCreated");
    }

    @Test
    void a_second_request_for_a_bulk_session_is_refused() {
        String session = emptyDraft();
        created(session, minimalRequest());
        List<String> before = events.eventTypesOf(session);

        assertGraphError(http.post(SESSIONS + "/" + session + REQUESTS, minimalRequest()), 403,
                "RestoreSessionActionNotAllowed");
        assertThat(events.eventTypesOf(session)).isEqualTo(before);
    }

    @Test
    void a_request_for_a_session_with_artifacts_is_refused() {
        GraphHttp.Response draft = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "inPlace"}]}"""
                .formatted(catalog.restorePoint(prefix + "-rp")));
        String session = draft.json().get("id").asText();

        assertGraphError(http.post(SESSIONS + "/" + session + REQUESTS, minimalRequest()), 403,
                "RestoreSessionActionNotAllowed");
        assertThat(events.eventTypesOf(session)).containsExactly("RestoreSessionCreated", "MailboxArtifactAdded");
    }

    @Test
    void a_request_for_an_activated_session_is_refused() {
        String session = emptyDraft();
        String adele = mailboxWithThreeRestorePoints("adele");
        created(session, """
                {"mailboxes": ["%s"], "protectionTimePeriod": %s, "destinationType": "inPlace"}"""
                .formatted(email(adele), YEAR));
        assertThat(http.post(ACTIVATE.formatted(session), "").status()).isEqualTo(200);
        awaitEnd(session);
        List<String> before = events.eventTypesOf(session);

        assertGraphError(http.post(SESSIONS + "/" + session + REQUESTS, minimalRequest()), 403,
                "RestoreSessionActionNotAllowed");
        assertThat(events.eventTypesOf(session)).isEqualTo(before);
    }

    @Test
    void a_patch_of_a_bulk_session_is_refused_whole() {
        String session = emptyDraft();
        created(session, minimalRequest());
        List<String> before = events.eventTypesOf(session);

        GraphHttp.Response patched = http.patch(SESSIONS + "/" + session, """
                {"mailboxRestoreArtifacts@delta": [{"restorePoint": {"id": "%s"}, "destinationType": "inPlace"}]}"""
                .formatted(catalog.restorePoint(prefix + "-rp")));

        assertGraphError(patched, 403, "RestoreSessionActionNotAllowed");
        assertThat(events.eventTypesOf(session)).isEqualTo(before);
    }

    @Test
    void deleting_a_request_before_activation_is_refused() {
        String session = emptyDraft();
        String requestId = created(session, minimalRequest());
        List<String> before = events.eventTypesOf(session);

        assertGraphError(http.delete(SESSIONS + "/" + session + REQUESTS + "/" + requestId), 403,
                "InvalidStateForBulkRequestDeletion");
        assertThat(events.eventTypesOf(session)).isEqualTo(before);
    }

    @Test
    void an_unknown_request_is_not_found() {
        String session = emptyDraft();
        created(session, minimalRequest());
        String unknown = UUID.randomUUID().toString();

        assertGraphError(http.get(SESSIONS + "/" + session + REQUESTS + "/" + unknown), 404,
                "BulkRestoreArtifactsNotFound");
        assertGraphError(http.delete(SESSIONS + "/" + session + REQUESTS + "/" + unknown), 404,
                "BulkRestoreArtifactsNotFound");
    }

    @Test
    void the_requests_of_an_unknown_or_another_tenants_session_are_not_found_and_a_malformed_id_is_refused() {
        String session = emptyDraft();
        String requestId = created(session, minimalRequest());
        GraphHttp otherTenant = http.as(TestTokens.user(TestTokens.OTHER_TENANT,
                List.of("BackupRestore-Restore.ReadWrite.All"), List.of()));
        String unknown = UUID.randomUUID().toString();

        assertGraphError(http.post(SESSIONS + "/" + unknown + REQUESTS, minimalRequest()), 404,
                "RestoreSessionNotFound");
        assertGraphError(http.get(SESSIONS + "/" + unknown + REQUESTS), 404, "RestoreSessionNotFound");
        assertGraphError(otherTenant.get(SESSIONS + "/" + session + REQUESTS), 404, "RestoreSessionNotFound");
        assertGraphError(otherTenant.get(SESSIONS + "/" + session + REQUESTS + "/" + requestId), 404,
                "RestoreSessionNotFound");
        assertGraphError(otherTenant.post(SESSIONS + "/" + session + REQUESTS, minimalRequest()), 404,
                "RestoreSessionNotFound");
        assertGraphError(otherTenant.delete(SESSIONS + "/" + session + REQUESTS + "/" + requestId), 404,
                "RestoreSessionNotFound");
        assertGraphError(http.post(SESSIONS + "/not-a-guid" + REQUESTS, minimalRequest()), 400,
                "InvalidRestoreSessionId");
        assertGraphError(http.get(SESSIONS + "/not-a-guid" + REQUESTS), 400, "InvalidRestoreSessionId");
        assertThat(events.eventTypesOf(session)).containsExactly("RestoreSessionCreated",
                "BulkAdditionRequestCreated");
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_unsupported() {
        String session = emptyDraft();

        GraphHttp.Response refused = http.send("POST", SESSIONS + "/" + session + REQUESTS, minimalRequest(),
                "Content-Type", "text/plain");

        assertGraphError(refused, 415, "UnsupportedMediaType");
        assertThat(events.eventTypesOf(session)).containsExactly("RestoreSessionCreated");
    }

    @Test
    void the_audit_names_the_bulk_events_and_its_past_state_shows_the_request_as_it_stood() {
        String session = emptyDraft();
        String adele = mailboxWithThreeRestorePoints("adele");
        String nobody = prefix + "-nobody@contoso.com";
        String requestId = created(session, """
                {"mailboxes": ["%s", "%s"], "protectionTimePeriod": %s, "destinationType": "inPlace"}"""
                .formatted(email(adele), nobody, YEAR));
        assertThat(http.post(ACTIVATE.formatted(session), "").status()).isEqualTo(200);
        awaitEnd(session);

        JsonNode history = http.get("/audit/restoreSessions/" + session + "/events").json();
        JsonNode beforeActivation = http.get("/audit/restoreSessions/" + session + "?version=1").json();
        JsonNode activated = http.get("/audit/restoreSessions/" + session + "?version=5").json();

        assertThat(history.get("value")).extracting(entry -> entry.get("eventType").asText())
                .startsWith("restoreSessionCreated", "bulkAdditionRequestCreated", "mailboxArtifactAdded",
                        "bulkAdditionRequestResolved", "restoreSessionActivated", "artifactRestoreScheduling");
        assertThat(history.get("value").get(1).get("payload").get("mailboxes"))
                .isEqualTo(json("[\"%s\", \"%s\"]".formatted(email(adele), nobody)));
        assertThat(beforeActivation.get("status").asText()).isEqualTo("draft");
        assertThat(beforeActivation.get("mailboxRestoreArtifacts")).isEmpty();
        assertThat(beforeActivation.get("mailboxRestoreArtifactsBulkAdditionRequests")).singleElement()
                .satisfies(request -> {
                    assertThat(request.get("id").asText()).isEqualTo(requestId);
                    assertThat(request.get("status").asText()).isEqualTo("active");
                    assertThat(request.has("mailboxes")).isFalse();
                });
        assertThat(activated.get("status").asText()).isEqualTo("activating");
        assertThat(activated.get("mailboxRestoreArtifacts")).singleElement().satisfies(artifact ->
                assertThat(artifact.get("status").asText()).isEqualTo("scheduling"));
        assertThat(activated.get("mailboxRestoreArtifactsBulkAdditionRequests")).singleElement()
                .satisfies(request -> {
                    assertThat(request.get("status").asText()).isEqualTo("completedWithErrors");
                    assertThat(request.get("error").get("details").get(0).get("target").asText()).isEqualTo(nobody);
                });
    }

    /** A mailbox of this test with restore points of February, March and April 2026; April's is fastRestore. */
    private String mailboxWithThreeRestorePoints(String name) {
        String mailbox = prefix + "-" + name;
        catalog.mailbox(mailbox, takenAt(mailbox + "-february", FEBRUARY, "none"),
                takenAt(mailbox + "-march", MARCH, "none"), takenAt(mailbox + "-april", APRIL, "fastRestore"));
        return mailbox;
    }

    private String minimalRequest() {
        return """
                {"mailboxes": ["%s-someone@contoso.com"], "protectionTimePeriod": %s, "destinationType": "inPlace"}"""
                .formatted(prefix, YEAR);
    }

    private String emptyDraft() {
        GraphHttp.Response created = http.post(SESSIONS, "{}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String created(String session, String body) {
        GraphHttp.Response created = http.post(SESSIONS + "/" + session + REQUESTS, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private List<String> restorePointsOf(String session) {
        JsonNode artifacts = http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts").json().get("value");
        return StreamSupport.stream(artifacts.spliterator(), false)
                .map(artifact -> artifact.get("restorePoint").get("id").asText())
                .toList();
    }

    /** A request of the session for one mailbox with three restore points in the year, restored in place. */
    private String aRequestForAdeleInPlace(String session) {
        String adele = mailboxWithThreeRestorePoints("adele");
        return created(session, """
                {"mailboxes": ["%s"], "protectionTimePeriod": %s, "destinationType": "inPlace"}"""
                .formatted(email(adele), YEAR));
    }

    private JsonNode awaitEnd(String session) {
        String path = SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts";
        return await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get(path, "Prefer", "include-unknown-enum-members").json(),
                        body -> List.of("completed", "completedWithError", "failed")
                                .contains(body.get("status").asText()));
    }
}
