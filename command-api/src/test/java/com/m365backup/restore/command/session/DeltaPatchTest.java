package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.query.ArtifactCount;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.session.AddMailboxArtifact;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RemovalReason;
import com.m365backup.restore.domain.session.RemoveMailboxArtifact;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;
import org.springframework.test.web.servlet.MvcResult;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static com.m365backup.restore.command.TestCaller.NOW;
import static com.m365backup.restore.command.TestCaller.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.patch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The delta PATCH of docs/api.md: one command per item, in request order, with the caller's metadata, and the
 * per-item outcomes in the answer. Request-level refusals are in {@link DeltaPatchRequestErrorsTest}.
 */
@SessionWrites
class DeltaPatchTest extends WriteSliceTest {

    private static final String SESSION = "0f0e1d2c-3b4a-5968-8776-a5b4c3d2e1f0";
    private static final String PATH = "/beta/solutions/backupRestore/exchangeRestoreSessions/" + SESSION;
    private static final String ARTIFACT_A = "99954f18-c8ec-4b62-85bf-cdf3b70b140e";
    private static final String ARTIFACT_B = "3667e382-71a9-4c07-bef7-bda97e09c0d2";
    private static final String UNKNOWN_ARTIFACT = "4267e382-71a9-4c07-bef7-bda97e09c0d2";
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final MetaData CALLER_METADATA = callerMetaData(
            CallerMetaData.REQUEST_ID, "r-1", CallerMetaData.CLIENT_REQUEST_ID, "c-1");

    @MockitoSpyBean
    RestorePointCatalog restorePoints;

    @BeforeEach
    void readSideKeepsUp() {
        readSideShowsWrites(true);
    }

    @Test
    void the_source_pages_example_sends_one_command_per_item_in_order_and_answers_adds_and_failures()
            throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenReturn(3L, 4L, 5L, 6L, 7L)
                .thenThrow(rejected(Rejection.UNKNOWN_ARTIFACT,
                        "The identifier to be removed from the Restore Session does not exist"))
                .thenReturn(8L);

        // The page's items, as app's SourcePageExampleTest sends them over HTTP to the letter.
        MvcResult result = send(delta(
                addOf("{\"@odata.id\": \"1b014d8c-71fe-4d00-a01a-31850bc5b32c\"}", "inPlace"),
                addOf("{\"@odata.id\": \"2b014d8c-71fe-4d00-a01a-31850bc5b32\"}", "inPlace"),
                addOf("{\"@odata.id\": \"3b014d8c-71fe-4d00-a01a-31850bc5b32c\"}", "inPlace"),
                addOf("{\"@odata.id\": \"4b014d8c-71fe-4d00-a01a-31850bc5b32c\"}", "inPlace"),
                removalOf(ARTIFACT_A, "changed"), removalOf(UNKNOWN_ARTIFACT, "changed"),
                removalOf(ARTIFACT_B, "changed")));

        List<Object> commands = sentCommands(7);
        List<String> newIds = commands.subList(0, 4).stream()
                .map(command -> ((AddMailboxArtifact) command).artifact().artifactId())
                .toList();
        assertThat(newIds).allMatch(id -> id.matches(GUID)).doesNotHaveDuplicates();
        assertThat(commands).containsExactly(
                add(newIds.get(0), "1b014d8c-71fe-4d00-a01a-31850bc5b32c", DestinationType.IN_PLACE),
                add(newIds.get(1), "2b014d8c-71fe-4d00-a01a-31850bc5b32", DestinationType.IN_PLACE),
                add(newIds.get(2), "3b014d8c-71fe-4d00-a01a-31850bc5b32c", DestinationType.IN_PLACE),
                add(newIds.get(3), "4b014d8c-71fe-4d00-a01a-31850bc5b32c", DestinationType.IN_PLACE),
                remove(ARTIFACT_A, RemovalReason.CHANGED),
                remove(UNKNOWN_ARTIFACT, RemovalReason.CHANGED),
                remove(ARTIFACT_B, RemovalReason.CHANGED));
        verify(queryGateway).query(new AwaitRestoreSessionVersion(SESSION, 8), Boolean.class);

        String body = result.getResponse().getContentAsString();
        String contentId = items(body).get(4).get("@contentId").asText();
        assertThat(contentId).matches(GUID);
        JSONAssert.assertEquals("""
                {"mailboxRestoreArtifacts@delta": [%s, %s, %s, %s,
                  {"@contentId": "%s", "id": "%s", "@Core.DataModificationException": {
                     "info": {"code": "Invalid",
                              "message": "The identifier to be removed from the Restore Session does not exist"},
                     "failedOperation": "remove", "responseCode": 409}}
                ]}""".formatted(addedInPlace(newIds.get(0), "1b014d8c-71fe-4d00-a01a-31850bc5b32c"),
                addedInPlace(newIds.get(1), "2b014d8c-71fe-4d00-a01a-31850bc5b32"),
                addedInPlace(newIds.get(2), "3b014d8c-71fe-4d00-a01a-31850bc5b32c"),
                addedInPlace(newIds.get(3), "4b014d8c-71fe-4d00-a01a-31850bc5b32c"), contentId,
                UNKNOWN_ARTIFACT), body, JSONCompareMode.STRICT);
    }

    @Test
    void every_command_carries_the_tenant_the_caller_and_the_request_ids() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(1L, 2L);

        send(delta(addOf("{\"@odata.id\": \"rp-1\"}", "new"), removalOf(ARTIFACT_A, "deleted")));

        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(commandGateway, times(2)).sendAndWait(any(), metaData.capture());
        assertThat(metaData.getAllValues()).containsOnly(CALLER_METADATA);
    }

    @Test
    void the_type_annotations_an_sdk_sends_are_accepted() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(1L);

        send("""
                {"@odata.type": "#microsoft.graph.exchangeRestoreSession",
                 "mailboxRestoreArtifacts@delta": [
                   {"@odata.type": "#microsoft.graph.mailboxRestoreArtifact",
                    "restorePoint": {"@odata.id": "rp-1"}, "destinationType": "new"}]}""");

        assertThat(sentCommands(1)).singleElement().isInstanceOf(AddMailboxArtifact.class);
    }

    static Stream<Arguments> restorePointReferences() {
        return Stream.of(
                Arguments.of("{\"@odata.id\": \"rp-7\"}", "rp-7"),
                Arguments.of("{\"@odata.id\": \"https://graph.microsoft.com/beta/solutions/backupRestore/restorePoints/rp-7\"}",
                        "rp-7"),
                Arguments.of("{\"@id\": \"/solutions/backupRestore/restorePoints/rp%207\"}", "rp 7"),
                Arguments.of("{\"@id\": \"rp-7\"}", "rp-7"),
                Arguments.of("{\"id\": \"1B014D8C-71FE-4D00-A01A-31850BC5B32\"}", "1B014D8C-71FE-4D00-A01A-31850BC5B32"),
                Arguments.of("{\"id\": \"rp-7\", \"@odata.type\": \"#microsoft.graph.restorePoint\", "
                        + "\"protectionDateTime\": \"2024-01-01T00:00:00Z\"}", "rp-7"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("restorePointReferences")
    void a_restore_point_reference_is_read_in_any_of_its_forms_and_echoed_as_sent(String reference,
                                                                                 String restorePointId)
            throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(1L);

        MvcResult result = send(delta(addOf(reference, "inPlace")));

        AddMailboxArtifact sent = (AddMailboxArtifact) sentCommands(1).get(0);
        assertThat(sent.artifact().restorePointId()).isEqualTo(restorePointId);
        assertThat(sent.artifact().mailboxId()).isEqualTo(restorePointId);
        JsonNode echoed = items(result.getResponse().getContentAsString()).get(0).get("restorePoint");
        JsonNode sentReference = json.readTree(reference);
        String key = sentReference.has("@odata.id") ? "@odata.id" : sentReference.has("@id") ? "@id" : "id";
        assertThat(echoed).isEqualTo(json.createObjectNode().put(key, sentReference.get(key).asText()));
    }

    static Stream<Arguments> itemRejections() {
        return Stream.of(
                Arguments.of(Rejection.MAILBOX_ALREADY_IN_SESSION, addOf("{\"id\": \"rp-1\"}", "inPlace"),
                        "add", 409, "DuplicateArtifactInList"),
                Arguments.of(Rejection.DIFFERENT_DESTINATION_TYPE, addOf("{\"id\": \"rp-1\"}", "new"),
                        "add", 400, "DifferentRestoreDestinationType"),
                Arguments.of(Rejection.RESTORE_POINT_EXPIRED, addOf("{\"id\": \"rp-1\"}", "inPlace"),
                        "add", 400, "InvalidRestoreTime"),
                Arguments.of(Rejection.ARTIFACT_LIMIT_REACHED, addOf("{\"id\": \"rp-1\"}", "inPlace"),
                        "add", 400, "RestoreArtifactsLimitBreached"),
                Arguments.of(Rejection.UNKNOWN_ARTIFACT, removalOf(ARTIFACT_A, "deleted"),
                        "remove", 409, "Invalid"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("itemRejections")
    void an_item_the_session_rejects_fails_on_its_own_and_the_answer_is_still_200(
            Rejection rejection, String item, String operation, int responseCode, String code) throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(rejected(rejection, "The session says no."));

        String body = send(delta(item)).getResponse().getContentAsString();

        String contentId = items(body).get(0).get("@contentId").asText();
        assertThat(contentId).matches(GUID);
        String id = operation.equals("remove") ? ", \"id\": \"" + ARTIFACT_A + "\"" : "";
        JSONAssert.assertEquals("""
                {"mailboxRestoreArtifacts@delta": [
                  {"@contentId": "%s",
                   "@Core.DataModificationException": {
                     "info": {"code": "%s", "message": "The session says no."},
                     "failedOperation": "%s", "responseCode": %d}%s}]}"""
                .formatted(contentId, code, operation, responseCode, id), body, JSONCompareMode.STRICT);
        verify(queryGateway, never()).query(any(AwaitRestoreSessionVersion.class), eq(Boolean.class));
    }

    @ParameterizedTest
    @ValueSource(strings = {"@contentId", "@Core.ContentID", "@Org.OData.Core.V1.ContentID"})
    void a_failed_item_carries_the_clients_content_id_under_any_of_its_names(String annotation) throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(rejected(Rejection.UNKNOWN_ARTIFACT, "gone"));

        String body = send(delta("""
                {"%s": "client-7", "@removed": {"reason": "deleted"}, "id": "%s"}""".formatted(annotation,
                ARTIFACT_A))).getResponse().getContentAsString();

        assertThat(items(body).get(0).get("@contentId").asText()).isEqualTo("client-7");
    }

    @Test
    void the_read_side_is_awaited_at_the_highest_version_a_successful_item_reached() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenReturn(11L)
                .thenThrow(rejected(Rejection.MAILBOX_ALREADY_IN_SESSION, "taken"))
                .thenReturn(12L);

        send(delta(addOf("{\"id\": \"rp-1\"}", "new"), addOf("{\"id\": \"rp-1\"}", "new"),
                removalOf(ARTIFACT_A, "changed")));

        verify(queryGateway).query(new AwaitRestoreSessionVersion(SESSION, 12), Boolean.class);
    }

    @Test
    void an_add_of_a_restore_point_the_catalog_does_not_hold_is_sent_for_the_session_to_refuse() throws Exception {
        doReturn(Optional.empty()).when(restorePoints).find(TENANT, "rp-gone");
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(rejected(Rejection.UNKNOWN_RESTORE_POINT, "Restore point 'rp-gone' does not exist."));

        String body = send(delta("""
                {"@contentId": "c-9", "restorePoint": {"@odata.id": "rp-gone"}, "destinationType": "new"}"""))
                .getResponse().getContentAsString();

        JSONAssert.assertEquals("""
                {"mailboxRestoreArtifacts@delta": [
                  {"@contentId": "c-9",
                   "@Core.DataModificationException": {
                     "info": {"code": "InvalidRestorePoint", "message": "Restore point 'rp-gone' does not exist."},
                     "failedOperation": "add", "responseCode": 400}}]}""", body, JSONCompareMode.STRICT);
        AddMailboxArtifact sent = (AddMailboxArtifact) sentCommands(1).get(0);
        assertThat(sent.artifact().catalogued()).isFalse();
        assertThat(sent.artifact().restorePointId()).isEqualTo("rp-gone");
        assertThat(sent.artifact().destinationType()).isEqualTo(DestinationType.NEW);
    }

    @Test
    void an_add_of_an_unknown_restore_point_to_a_session_that_left_draft_refuses_the_whole_request()
            throws Exception {
        doReturn(Optional.empty()).when(restorePoints).find(TENANT, "rp-gone");
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(rejected(Rejection.SESSION_NOT_IN_DRAFT,
                        "The restore session can only be changed in draft state; it is active."));

        String detail = refused(delta(addOf("{\"id\": \"rp-gone\"}", "new"), addOf("{\"id\": \"rp-1\"}", "new")),
                403, "RestoreSessionActionNotAllowed");

        assertThat(detail).isEqualTo("The restore session can only be changed in draft state; it is active.");
        verify(commandGateway, times(1)).sendAndWait(any(), any(MetaData.class));
    }

    @Test
    void an_add_of_an_unknown_restore_point_to_a_session_unknown_to_the_tenant_refuses_the_request() throws Exception {
        doReturn(Optional.empty()).when(restorePoints).find(TENANT, "rp-gone");
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new AggregateNotFoundException(SESSION, "The aggregate was not found in the event store"));

        String detail = refused(delta(addOf("{\"id\": \"rp-gone\"}", "new")), 404, "RestoreSessionNotFound");

        assertThat(detail).isEqualTo("Restore session '" + SESSION + "' was not found.");
    }

    @Test
    void an_if_match_travels_as_the_expected_version_of_the_first_command_only() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(2L, 3L);

        mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON).header("If-Match", "W/\"1\"")
                        .content(delta(addOf("{\"id\": \"rp-1\"}", "new"), removalOf(ARTIFACT_A, "changed"))))
                .andExpect(status().isOk());

        List<Object> sent = sentCommands(2);
        assertThat(((AddMailboxArtifact) sent.get(0)).expectedVersion()).isEqualTo(1L);
        assertThat(sent.get(1)).isEqualTo(remove(ARTIFACT_A, RemovalReason.CHANGED));
    }

    @Test
    void a_session_that_moved_on_since_the_etag_named_refuses_the_whole_request_with_412() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new ConflictingAggregateVersionException(SESSION, 0, 3));

        MvcResult result = mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "W/\"0\"")
                        .content(delta(removalOf(ARTIFACT_A, "changed"), removalOf(ARTIFACT_B, "changed"))))
                .andExpect(status().isPreconditionFailed())
                .andReturn();

        JsonNode problem = bodyOf(result);
        assertThat(problem.get("code").asText()).isEqualTo("PreconditionFailed");
        assertThat(problem.get("detail").asText()).isEqualTo(
                "The restore session has changed since it was read; its etag is now W/\"3\". Read it again and retry.");
        assertThat(sentCommands(1)).containsExactly(new RemoveMailboxArtifact(SESSION, TENANT, ARTIFACT_A,
                RemovalReason.CHANGED, NOW, 0L));
        verify(queryGateway, never()).query(any(AwaitRestoreSessionVersion.class), eq(Boolean.class));
    }

    @Test
    void an_etag_this_service_never_made_names_no_version_a_session_has() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new ConflictingAggregateVersionException(SESSION, -1, 3));

        mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON).header("If-Match", "\"not-a-version\"")
                        .content(delta(removalOf(ARTIFACT_A, "changed"))))
                .andExpect(status().isPreconditionFailed());

        assertThat(((RemoveMailboxArtifact) sentCommands(1).get(0)).expectedVersion()).isEqualTo(-1L);
    }

    @Test
    void of_several_etags_the_highest_is_sent_and_a_wildcard_names_none() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(5L);

        mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON).header("If-Match", "W/\"2\", W/\"4\"")
                        .content(delta(removalOf(ARTIFACT_A, "changed"))))
                .andExpect(status().isOk());
        mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON).header("If-Match", "*")
                        .content(delta(removalOf(ARTIFACT_A, "changed"))))
                .andExpect(status().isOk());

        assertThat(sentCommands(2)).containsExactly(
                new RemoveMailboxArtifact(SESSION, TENANT, ARTIFACT_A, RemovalReason.CHANGED, NOW, 4L),
                remove(ARTIFACT_A, RemovalReason.CHANGED));
    }

    @Test
    void a_version_the_session_never_reached_of_a_session_the_tenant_does_not_have_is_not_found() throws Exception {
        readSideShowsTheSession(false);
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new ConflictingAggregateVersionException(SESSION, 9, 3));

        MvcResult result = mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON)
                        .header("If-Match", "W/\"9\"")
                        .content(delta(removalOf(ARTIFACT_A, "changed"))))
                .andExpect(status().isNotFound())
                .andReturn();

        assertThat(codeOf(result))
                .isEqualTo("RestoreSessionNotFound");
    }

    @Test
    void a_session_unknown_to_the_event_store_refuses_the_request_at_its_first_command() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new AggregateNotFoundException(SESSION, "The aggregate was not found in the event store"));

        String detail = refused(delta(addOf("{\"id\": \"rp-1\"}", "new"), removalOf(ARTIFACT_A, "changed")),
                404, "RestoreSessionNotFound");

        assertThat(detail).isEqualTo("Restore session '" + SESSION + "' was not found.");
        verify(commandGateway, times(1)).sendAndWait(any(), any(MetaData.class));
    }

    @Test
    void a_session_of_another_tenant_refuses_the_request_as_not_found() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(rejected(Rejection.SESSION_NOT_FOUND, "Restore session was not found."));

        refused(delta(removalOf(ARTIFACT_A, "changed"), removalOf(ARTIFACT_B, "changed")),
                404, "RestoreSessionNotFound");

        verify(commandGateway, times(1)).sendAndWait(any(), any(MetaData.class));
    }

    @Test
    void a_session_that_is_no_draft_refuses_the_request_as_not_allowed() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(rejected(Rejection.SESSION_NOT_IN_DRAFT,
                        "The restore session can only be changed in draft state; it is active."));

        String detail = refused(delta(addOf("{\"id\": \"rp-1\"}", "new")), 403, "RestoreSessionActionNotAllowed");

        assertThat(detail).isEqualTo("The restore session can only be changed in draft state; it is active.");
    }

    @Test
    void a_session_that_leaves_draft_after_a_change_fails_the_later_items_only() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenReturn(5L)
                .thenThrow(rejected(Rejection.SESSION_NOT_IN_DRAFT, "It is activating."));

        String body = send(delta(removalOf(ARTIFACT_A, "changed"), removalOf(ARTIFACT_B, "changed")))
                .getResponse().getContentAsString();

        JsonNode failure = items(body).get(0);
        assertThat(items(body)).hasSize(1);
        assertThat(failure.get("id").asText()).isEqualTo(ARTIFACT_B);
        assertThat(failure.at("/@Core.DataModificationException/responseCode").asInt()).isEqualTo(403);
        assertThat(failure.at("/@Core.DataModificationException/info/code").asText())
                .isEqualTo("RestoreSessionActionNotAllowed");
        verify(queryGateway).query(new AwaitRestoreSessionVersion(SESSION, 5), Boolean.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/solutions/backupRestore", "/beta/solutions/backupRestore", "/v1.0/solutions/backupRestore"})
    void the_patch_is_served_at_the_root_and_under_both_versions(String prefix) throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(1L);

        mvc.perform(patch(prefix + "/exchangeRestoreSessions/" + SESSION)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(delta(removalOf(ARTIFACT_A, "deleted"))))
                .andExpect(status().isOk());

        assertThat(sentCommands(1)).containsExactly(remove(ARTIFACT_A, RemovalReason.DELETED));
    }

    @Test
    void a_session_id_in_upper_case_names_the_same_session() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(1L);

        mvc.perform(patch("/solutions/backupRestore/exchangeRestoreSessions/" + SESSION.toUpperCase())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(delta(removalOf(ARTIFACT_A, "deleted"))))
                .andExpect(status().isOk());

        assertThat(sentCommands(1)).containsExactly(remove(ARTIFACT_A, RemovalReason.DELETED));
    }

    @Test
    void a_client_request_id_header_is_carried_when_no_filter_recorded_one() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(1L);

        mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON)
                        .header("client-request-id", "from-header")
                        .content(delta(removalOf(ARTIFACT_A, "deleted"))))
                .andExpect(status().isOk());

        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(commandGateway).sendAndWait(any(), metaData.capture());
        assertThat(metaData.getValue()).isEqualTo(callerMetaData(CallerMetaData.CLIENT_REQUEST_ID, "from-header"));
    }

    private MvcResult send(String body) throws Exception {
        return mvc.perform(patch(PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .requestAttr("request-id", "r-1")
                        .requestAttr("client-request-id", "c-1")
                        .content(body))
                .andExpect(status().isOk())
                .andReturn();
    }

    private String refused(String body, int status, String code) throws Exception {
        MvcResult result = mvc.perform(patch(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andReturn();
        JsonNode problem = bodyOf(result);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        verify(queryGateway, never()).query(any(AwaitRestoreSessionVersion.class), eq(Boolean.class));
        return problem.get("detail").asText();
    }

    private List<Object> sentCommands(int count) {
        ArgumentCaptor<Object> commands = ArgumentCaptor.forClass(Object.class);
        verify(commandGateway, times(count)).sendAndWait(commands.capture(), any(MetaData.class));
        return commands.getAllValues();
    }

    private JsonNode items(String body) throws Exception {
        return json.readTree(body).get("mailboxRestoreArtifacts@delta");
    }

    private static AddMailboxArtifact add(String artifactId, String restorePointId, DestinationType type) {
        return new AddMailboxArtifact(SESSION, TENANT,
                new NewMailboxArtifact(artifactId, restorePointId, restorePointId, null, type), NOW);
    }

    private static RemoveMailboxArtifact remove(String artifactId, RemovalReason reason) {
        return new RemoveMailboxArtifact(SESSION, TENANT, artifactId, reason, NOW);
    }

    private static RestoreSessionRejected rejected(Rejection rejection, String message) {
        return new RestoreSessionRejected(rejection, message);
    }

    static String delta(String... items) {
        return "{\"mailboxRestoreArtifacts@delta\": [" + String.join(", ", items) + "]}";
    }

    static String addOf(String reference, String destinationType) {
        return "{\"restorePoint\": " + reference + ", \"destinationType\": \"" + destinationType + "\"}";
    }

    /** An added item of the answer, created at the slice's fixed time. */
    private static String addedInPlace(String artifactId, String restorePointId) {
        return """
                {"id": "%s", "restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace", "status": "added",
                 "createdDateTime": "2015-06-19T12:01:03.45Z"}""".formatted(artifactId, restorePointId);
    }

    static String removalOf(String artifactId, String reason) {
        return "{\"@removed\": {\"reason\": \"" + reason + "\"}, \"id\": \"" + artifactId + "\"}";
    }

    private void readSideShowsTheSession(boolean shown) {
        Optional<RestoreSessionView> session = shown
                ? Optional.of(new RestoreSessionView(SESSION, TENANT, 1, "draft", null, null, null, null, null, null,
                        "standard", new ArtifactCount(1, 0, 0, 0), List.of()))
                : Optional.empty();
        doReturn(CompletableFuture.completedFuture(session))
                .when(queryGateway).query(any(FindRestoreSession.class), any(ResponseType.class));
    }
}
