package com.m365backup.restore.app.granular;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.app.FastRestores;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestCatalog;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.engine.SyntheticMailbox;
import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.MessageCondition;
import com.m365backup.restore.domain.session.MessageProperty;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

import static com.m365backup.restore.app.GraphAnswers.assertGraphError;
import static com.m365backup.restore.app.GraphAnswers.json;
import static com.m365backup.restore.app.GraphPaths.ROOT;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Granular restores over HTTP on PostgreSQL (docs/api.md, Granular restore): a search with an {@code artifactQuery}
 * (KQL and structured) counts the messages of each restore point it finds and is kept under its
 * {@code searchResponseId}; a session created from it holds granular artifacts, read through their own collection,
 * shows {@code restoreJobType} as an evolvable member, and restores exactly as many messages as the search found. The
 * counts are predicted from the simulated store's {@link SyntheticMailbox}, with queries built from the domain's own
 * types, so that the reading of a query is tested too. Every error row of the section, each changing nothing.
 */
@FastRestores
class GranularRestoreTest extends RunningApplicationTest {

    private static final String SEARCH = ROOT + "/restorePoints/search";
    private static final String YEAR = """
            {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2026-12-31T00:00:00Z"}""";
    private static final String INCLUDE = "include-unknown-enum-members";
    private static final ObjectMapper JSON = new ObjectMapper();

    private String mailbox;
    private String restorePoint;
    private String secondRestorePoint;

    /** What the first test searches for: a mailbox of this class holds at least one such message. */
    private static final ArtifactQuery UNATTACHED_INVOICES = new ArtifactQuery(null, List.of(
            MessageCondition.of(MessageProperty.SUBJECT, "invoice"),
            MessageCondition.of(MessageProperty.HAS_ATTACHMENT, "false")));

    @BeforeEach
    void aMailboxWithTwoRestorePoints() {
        // A mailbox's messages follow from its name; about one name in a hundred holds no unattached invoice, and a
        // search that finds nothing would prove no counting.
        do {
            mailbox = "granular-" + UUID.randomUUID();
        } while (SyntheticMailbox.of(mailbox).count(UNATTACHED_INVOICES) == 0);
        restorePoint = mailbox + "-rp-1";
        secondRestorePoint = mailbox + "-rp-2";
        catalog.onMailbox(mailbox, restorePoint, secondRestorePoint);
    }

    @Test
    void a_search_with_a_kql_query_counts_what_it_finds_in_each_restore_point_and_keeps_the_search() {
        int hits = SyntheticMailbox.of(mailbox).count(UNATTACHED_INVOICES);

        GraphHttp.Response found = search("""
                {"artifactType": "message", "queryExpression": "subject:invoice AND hasAttachment:false"}""");

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        JsonNode body = found.json();
        String searchResponseId = body.get("searchResponseId").asText();
        assertThat(body.get("@odata.context").asText())
                .endsWith("/beta/$metadata#microsoft.graph.restorePointSearchResponse");
        assertThat(body.get("noResultProtectionUnitIds")).isEmpty();
        assertThat(body.get("searchResults")).extracting(result -> result.get("restorePoint").get("id").asText())
                .containsExactlyInAnyOrder(restorePoint, secondRestorePoint);
        assertThat(body.get("searchResults")).allSatisfy(result -> {
            assertThat(result.get("artifactHitCount").asInt()).isEqualTo(hits);
            assertThat(result.get("restorePoint").get("protectionUnit").get("id").asText()).isEqualTo(mailbox);
        });
        assertThat(hits).isPositive();
        assertThat(jdbc.queryForObject("select artifact_hit_count from granular_search where id = ?", Integer.class,
                searchResponseId)).isEqualTo(hits);
    }

    @Test
    void a_kql_query_takes_quoted_subjects_senders_recipients_and_dates() {
        int hits = SyntheticMailbox.of(mailbox).count(new ArtifactQuery(null, List.of(
                MessageCondition.of(MessageProperty.SUBJECT, "Quarterly report"),
                MessageCondition.of(MessageProperty.SENDER, "megan"),
                MessageCondition.of(MessageProperty.RECIPIENT, "contoso.com"),
                MessageCondition.of(MessageProperty.RECEIVED_ON_OR_AFTER, "2025-03-01T00:00:00Z"),
                MessageCondition.of(MessageProperty.RECEIVED_ON_OR_BEFORE, "2026-10-31T23:59:59.999999Z"))));

        JsonNode body = search("""
                {"artifactType": "message", "queryExpression":
                 "subject:\\"Quarterly report\\" AND from:megan and to:contoso.com AND received>=2025-03-01 AND received<=2026-10-31"}""")
                .json();

        assertThat(body.get("searchResults").get(0).get("artifactHitCount").asInt()).isEqualTo(hits);
    }

    @Test
    void a_structured_query_matches_any_of_a_propertys_values_and_every_property() {
        ArtifactQuery expected = new ArtifactQuery(null, List.of(
                MessageCondition.of(MessageProperty.SUBJECT, "Invoice", "Budget"),
                MessageCondition.of(MessageProperty.SENDER, "adele.vance@contoso.com", "lee.gu@contoso.com"),
                MessageCondition.of(MessageProperty.HAS_ATTACHMENT, "true"),
                MessageCondition.of(MessageProperty.RECEIVED_ON_OR_AFTER, "2025-01-01T00:00:00Z")));
        int hits = SyntheticMailbox.of(mailbox).count(expected);

        JsonNode body = search("""
                {"artifactType": "message", "structuredQueryExpression": {
                   "@odata.type": "#microsoft.graph.restoreSearchArtifactQueryExpression",
                   "subjects": ["Invoice", "Budget"], "senders": ["adele.vance@contoso.com", "lee.gu@contoso.com"],
                   "hasAttachment": true, "receivedDateTime": {"startDateTime": "2025-01-01T00:00:00Z"}}}""").json();

        assertThat(body.get("searchResults").get(0).get("artifactHitCount").asInt()).isEqualTo(hits);
        assertThat(storedQuery(body.get("searchResponseId").asText())).isEqualTo(JSON.valueToTree(expected));
    }

    static Stream<Arguments> invalidQueries() {
        return Stream.of(
                Arguments.of("a term it does not know", """
                        {"artifactType": "message", "queryExpression": "body:invoice"}"""),
                Arguments.of("terms joined by OR", """
                        {"artifactType": "message", "queryExpression": "subject:invoice OR subject:budget"}"""),
                Arguments.of("a term without a value", """
                        {"artifactType": "message", "queryExpression": "subject:\\"\\""}"""),
                Arguments.of("a date that is not one", """
                        {"artifactType": "message", "queryExpression": "received>=yesterday"}"""),
                Arguments.of("hasAttachment neither true nor false", """
                        {"artifactType": "message", "queryExpression": "hasAttachment:maybe"}"""),
                Arguments.of("an empty expression", """
                        {"artifactType": "message", "queryExpression": "  "}"""),
                Arguments.of("both expressions", """
                        {"artifactType": "message", "queryExpression": "subject:invoice",
                         "structuredQueryExpression": {"subjects": ["Invoice"]}}"""),
                Arguments.of("no expression", """
                        {"artifactType": "message"}"""),
                Arguments.of("another artifact type", """
                        {"artifactType": "unknownFutureValue", "queryExpression": "subject:invoice"}"""),
                Arguments.of("a structured property it does not know", """
                        {"artifactType": "message", "structuredQueryExpression": {"bodies": ["invoice"]}}"""),
                Arguments.of("a structured expression without a condition", """
                        {"artifactType": "message", "structuredQueryExpression": {"subjects": []}}"""),
                Arguments.of("not an object", "\"subject:invoice\""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("invalidQueries")
    void a_query_this_service_does_not_understand_is_an_invalid_search(String description, String artifactQuery) {
        assertGraphError(search(artifactQuery), 400, "InvalidSearchRequest");
    }

    @Test
    void a_granular_search_names_exactly_one_protection_unit() {
        String other = "granular-other-" + UUID.randomUUID();
        catalog.onMailbox(other, other + "-rp");

        GraphHttp.Response refused = http.post(SEARCH, """
                {"protectionUnitIds": ["%s", "%s"], "protectionTimePeriod": %s,
                 "artifactQuery": {"artifactType": "message", "queryExpression": "subject:invoice"}}"""
                .formatted(mailbox, other, YEAR));

        assertGraphError(refused, 400, "InvalidSearchRequest");
    }

    @Test
    void a_session_created_with_granular_artifacts_answers_them_in_the_plural_and_its_job_type_as_evolvable() {
        String searchResponseId = searchId("subject:invoice");

        GraphHttp.Response created = http.post(SESSIONS, """
                {"granularMailboxRestoreArtifacts": [
                  {"@odata.type": "#microsoft.graph.granularMailboxRestoreArtifact",
                   "restorePoint": {"@odata.id": "%s"}, "destinationType": "new", "searchResponseId": "%s"}]}"""
                .formatted(restorePoint, searchResponseId));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode session = created.json();
        assertThat(session.get("restoreJobType").asText()).isEqualTo("unknownFutureValue");
        assertThat(session.has("mailboxRestoreArtifacts")).isFalse();
        JsonNode artifact = session.get("granularMailboxRestoreArtifacts").get(0);
        assertThat(artifact).isEqualTo(json("""
                {"@odata.type": "#microsoft.graph.granularMailboxRestoreArtifact", "id": "%s",
                 "restorePoint": {"id": "%s", "protectionDateTime": "2026-03-01T02:00:00Z",
                                  "expirationDateTime": "2036-03-01T02:00:00Z"},
                 "destinationType": "new", "status": "added", "createdDateTime": "%s", "startDateTime": null,
                 "completionDateTime": null, "error": null, "restoredFolderId": null, "restoredFolderName": null,
                 "searchResponseId": "%s"}""".formatted(artifact.get("id").asText(), restorePoint,
                session.get("createdDateTime").asText(), searchResponseId)));
        String id = session.get("id").asText();
        GraphHttp.Response preferred = http.get(SESSIONS + "/" + id, "Prefer", INCLUDE);
        assertThat(preferred.json().get("restoreJobType").asText()).isEqualTo("granular");
        assertThat(preferred.header("Preference-Applied")).isEqualTo(INCLUDE);
        assertThat(http.get(SESSIONS + "/" + id).json().get("restoreJobType").asText())
                .isEqualTo("unknownFutureValue");
        assertThat(events.eventTypesOf(id)).containsExactly("RestoreSessionCreated", "GranularMailboxArtifactAdded");
    }

    @Test
    void the_singular_member_name_of_graphs_page_is_taken_too() {
        String searchResponseId = searchId("subject:budget");

        GraphHttp.Response created = http.send("POST", SESSIONS, """
                {"granularMailboxRestoreArtifact": [
                  {"restorePoint": {"id": "%s"}, "destinationType": "inPlace", "searchResponseId": "%s"}]}"""
                .formatted(restorePoint, searchResponseId), "Prefer", INCLUDE);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("restoreJobType").asText()).isEqualTo("granular");
        assertThat(created.header("Preference-Applied")).isEqualTo(INCLUDE);
        assertThat(created.json().get("granularMailboxRestoreArtifacts")).hasSize(1);
    }

    @Test
    void the_granular_artifacts_are_listed_counted_and_read_through_their_own_collection() {
        String session = granularSession(searchId("subject:invoice"));
        String granular = SESSIONS + "/" + session + "/granularMailboxRestoreArtifacts";

        JsonNode listed = http.get(granular).json();
        String artifactId = listed.get("value").get(0).get("id").asText();

        assertThat(listed.get("@odata.context").asText()).endsWith("/beta/$metadata#solutions/backupRestore/"
                + "exchangeRestoreSessions('" + session + "')/granularMailboxRestoreArtifacts");
        assertThat(listed.get("value")).hasSize(1);
        assertThat(http.get(granular + "/$count").body()).isEqualTo("1");
        assertThat(http.get(granular + "/" + artifactId).json()).isEqualTo(listed.get("value").get(0));
        assertGraphError(http.get(granular + "/" + UUID.randomUUID()), 404, "itemNotFound");
        assertThat(http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts").json().get("value")).isEmpty();
        assertThat(http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts/$count").body()).isEqualTo("0");
        JsonNode expanded = http.get(SESSIONS + "/" + session
                + "?$expand=granularMailboxRestoreArtifacts,mailboxRestoreArtifacts").json();
        assertThat(expanded.get("granularMailboxRestoreArtifacts")).containsExactly(listed.get("value").get(0));
        assertThat(expanded.get("mailboxRestoreArtifacts")).isEmpty();
    }

    @Test
    void a_granular_restore_restores_as_many_messages_as_its_search_found() {
        GraphHttp.Response found = search("""
                {"artifactType": "message", "queryExpression": "from:alex.wilber AND hasAttachment:true"}""");
        int hits = found.json().get("searchResults").get(0).get("artifactHitCount").asInt();
        String session = granularSession(found.json().get("searchResponseId").asText());

        assertThat(http.post(ROOT + "/restoreSessions/" + session + "/activate", "").status()).isEqualTo(200);
        JsonNode ended = await().atMost(Duration.ofSeconds(30))
                .until(() -> http.get(SESSIONS + "/" + session + "?$expand=granularMailboxRestoreArtifacts",
                                "Prefer", INCLUDE).json(),
                        body -> body.get("status").asText().equals("completed"));

        assertThat(ended.get("restoreJobType").asText()).isEqualTo("granular");
        JsonNode artifact = ended.get("granularMailboxRestoreArtifacts").get(0);
        assertThat(artifact.get("status").asText()).isEqualTo("succeeded");
        assertThat(artifact.get("restoredItemCount").asInt()).isEqualTo(hits);
        assertThat(artifact.get("restoredFolderName").asText()).startsWith("Restored ");
    }

    @Test
    void a_search_the_tenant_does_not_have_refuses_the_create_whole() {
        long before = events.sessionsCreated();

        GraphHttp.Response refused = http.post(SESSIONS, granularBody(restorePoint, UUID.randomUUID().toString()));

        assertGraphError(refused, 400, "InvalidSearchRequest");
        assertThat(events.sessionsCreated()).isEqualTo(before);
    }

    @Test
    void a_search_made_for_another_restore_point_refuses_the_create_whole() {
        String other = "granular-other-" + UUID.randomUUID();
        catalog.onMailbox(other, other + "-rp");
        String searchResponseId = searchId("subject:invoice");

        assertGraphError(http.post(SESSIONS, granularBody(other + "-rp", searchResponseId)), 400,
                "InvalidSearchRequest");
    }

    @Test
    void an_expired_search_refuses_the_create_whole() {
        String searchResponseId = searchId("subject:invoice");
        jdbc.update("update granular_search set expiration_date_time = now() - interval '1 minute' where id = ?",
                searchResponseId);

        assertGraphError(http.post(SESSIONS, granularBody(restorePoint, searchResponseId)), 400,
                "InvalidSearchRequest");
    }

    @Test
    void another_tenants_search_is_unknown_to_this_tenant() {
        String theirs = "granular-theirs-" + UUID.randomUUID();
        new TestCatalog(catalogImport, TestTokens.OTHER_TENANT).onMailbox(theirs, theirs + "-rp");
        GraphHttp otherTenant = http.as(TestTokens.user(TestTokens.OTHER_TENANT,
                List.of("BackupRestore-Restore.ReadWrite.All", "BackupRestore-Search.Read.All"), List.of()));
        String searchResponseId = otherTenant.post(SEARCH, """
                {"protectionUnitIds": ["%s"], "protectionTimePeriod": %s,
                 "artifactQuery": {"artifactType": "message", "queryExpression": "subject:invoice"}}"""
                .formatted(theirs, YEAR)).json().get("searchResponseId").asText();

        assertGraphError(http.post(SESSIONS, granularBody(restorePoint, searchResponseId)), 400,
                "InvalidSearchRequest");
    }

    @Test
    void a_granular_artifact_without_a_search_is_an_invalid_search_request() {
        assertGraphError(http.post(SESSIONS, """
                {"granularMailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(restorePoint)), 400, "InvalidSearchRequest");
    }

    @Test
    void a_create_with_both_kinds_of_artifacts_is_refused() {
        String searchResponseId = searchId("subject:invoice");

        assertGraphError(http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}],
                 "granularMailboxRestoreArtifacts": [
                   {"restorePoint": {"id": "%s"}, "destinationType": "new", "searchResponseId": "%s"}]}"""
                .formatted(secondRestorePoint, restorePoint, searchResponseId)), 400, "BadRequest");
    }

    @Test
    void a_patch_of_a_granular_session_is_refused_whole() {
        String session = granularSession(searchId("subject:invoice"));
        String other = "granular-other-" + UUID.randomUUID();
        catalog.onMailbox(other, other + "-rp");
        List<String> before = events.eventTypesOf(session);

        GraphHttp.Response refused = http.patch(SESSIONS + "/" + session, """
                {"mailboxRestoreArtifacts@delta": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(other + "-rp"));

        assertGraphError(refused, 403, "RestoreSessionActionNotAllowed");
        assertThat(events.eventTypesOf(session)).isEqualTo(before);
    }

    @Test
    void a_bulk_request_for_a_granular_session_is_refused() {
        String session = granularSession(searchId("subject:invoice"));

        assertGraphError(http.post(SESSIONS + "/" + session + "/mailboxRestoreArtifactsBulkAdditionRequests", """
                {"mailboxes": ["someone@contoso.com"], "protectionTimePeriod": %s, "destinationType": "new"}"""
                .formatted(YEAR)), 403, "RestoreSessionActionNotAllowed");
    }

    private GraphHttp.Response search(String artifactQuery) {
        return http.post(SEARCH, """
                {"protectionUnitIds": ["%s"], "protectionTimePeriod": %s, "artifactQuery": %s}"""
                .formatted(mailbox, YEAR, artifactQuery));
    }

    private String searchId(String kql) {
        GraphHttp.Response found = search("""
                {"artifactType": "message", "queryExpression": "%s"}""".formatted(kql));
        assertThat(found.status()).as(found.body()).isEqualTo(200);
        return found.json().get("searchResponseId").asText();
    }

    private String granularSession(String searchResponseId) {
        GraphHttp.Response created = http.post(SESSIONS, granularBody(restorePoint, searchResponseId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static String granularBody(String restorePoint, String searchResponseId) {
        return """
                {"granularMailboxRestoreArtifacts": [
                  {"restorePoint": {"id": "%s"}, "destinationType": "new", "searchResponseId": "%s"}]}"""
                .formatted(restorePoint, searchResponseId);
    }

    private JsonNode storedQuery(String searchResponseId) {
        return json(jdbc.queryForObject("select artifact_query::text from granular_search where id = ?", String.class,
                searchResponseId));
    }
}
