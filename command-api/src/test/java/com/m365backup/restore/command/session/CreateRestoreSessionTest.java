package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.restorepoint.RestorePointCatalog;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.query.ArtifactCount;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.MailboxRestoreArtifactView;
import com.m365backup.restore.domain.query.RestorePointReference;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.session.CreateRestoreSession;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
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

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;

import static com.m365backup.restore.command.TestCaller.NOW;
import static com.m365backup.restore.command.TestCaller.TENANT;
import static com.m365backup.restore.command.TestCaller.USER_ID;
import static com.m365backup.restore.command.TestCaller.USER_NAME;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

/**
 * The create of docs/api.md: one {@link CreateRestoreSession} with every artifact, ids made by the server, answered
 * 201 with the session as the read side shows it; any bad part refuses the whole request before a command is sent.
 */
@SessionWrites
class CreateRestoreSessionTest extends WriteSliceTest {

    private static final String PATH = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final OffsetDateTime CREATED = NOW.atOffset(ZoneOffset.UTC);

    @MockitoSpyBean
    RestorePointCatalog restorePoints;

    @BeforeEach
    void readSideShowsWhatWasCreated() {
        readSideShowsWrites(true);
        doAnswer(invocation -> CompletableFuture.completedFuture(Optional.of(shown(invocation.getArgument(0)))))
                .when(queryGateway).query(any(FindRestoreSession.class), any(ResponseType.class));
    }

    @Test
    void a_session_is_created_with_its_artifacts_in_one_command_and_answered_as_the_read_side_shows_it()
            throws Exception {
        MvcResult result = mvc.perform(post(PATH)
                        .contentType(MediaType.APPLICATION_JSON)
                        .requestAttr("request-id", "r-1")
                        .requestAttr("client-request-id", "c-1")
                        .content("""
                                {"@odata.type": "#microsoft.graph.exchangeRestoreSession",
                                 "status": null, "createdBy": null, "error": null,
                                 "mailboxRestoreArtifacts": [
                                   {"restorePoint": {"@odata.id": "rp-a"}, "destinationType": "inPlace"},
                                   {"restorePoint": {"id": "rp-b"}, "destinationType": "inPlace", "status": null}
                                 ]}"""))
                .andExpect(status().isCreated())
                .andReturn();

        CreateRestoreSession sent = sentCommand();
        String sessionId = sent.sessionId();
        List<String> artifactIds = sent.artifacts().stream().map(NewMailboxArtifact::artifactId).toList();
        assertThat(sessionId).matches(GUID);
        assertThat(artifactIds).allMatch(id -> id.matches(GUID)).doesNotHaveDuplicates().doesNotContain(sessionId);
        assertThat(sent).isEqualTo(new CreateRestoreSession(sessionId, TENANT, List.of(
                new NewMailboxArtifact(artifactIds.get(0), "rp-a", "rp-a", null, DestinationType.IN_PLACE),
                new NewMailboxArtifact(artifactIds.get(1), "rp-b", "rp-b", null, DestinationType.IN_PLACE)), NOW));
        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(commandGateway).sendAndWait(any(), metaData.capture());
        assertThat(metaData.getValue()).isEqualTo(callerMetaData(
                CallerMetaData.REQUEST_ID, "r-1", CallerMetaData.CLIENT_REQUEST_ID, "c-1"));
        verify(queryGateway).query(new AwaitRestoreSessionVersion(sessionId, 2), Boolean.class);
        verify(queryGateway).query(eq(new FindRestoreSession(TENANT, sessionId, true)), any(ResponseType.class));

        assertThat(result.getResponse().getHeader("Location"))
                .isEqualTo("http://localhost" + PATH + "/" + sessionId);
        JSONAssert.assertEquals("""
                {"@odata.type": "#microsoft.graph.exchangeRestoreSession",
                 "@odata.etag": "W/\\"2\\"",
                 "id": "%1$s",
                 "status": "draft",
                 "createdBy": {"user": {"id": "%2$s", "displayName": "%3$s"}},
                 "createdDateTime": "2015-06-19T12:01:03.45Z",
                 "lastModifiedBy": {"user": {"id": "%2$s", "displayName": "%3$s"}},
                 "lastModifiedDateTime": "2015-06-19T12:01:03.45Z",
                 "completedDateTime": null,
                 "error": null,
                 "restoreJobType": "standard",
                 "restoreSessionArtifactCount": {"total": 2, "completed": 0, "failed": 0, "inProgress": 0},
                 "mailboxRestoreArtifacts": [
                   {"@odata.type": "#microsoft.graph.mailboxRestoreArtifact", "id": "%4$s",
                    "restorePoint": {"id": "rp-a"}, "destinationType": "inPlace", "status": "added",
                    "createdDateTime": "2015-06-19T12:01:03.45Z", "startDateTime": null, "completionDateTime": null,
                    "error": null, "restoredFolderId": null, "restoredFolderName": null},
                   {"@odata.type": "#microsoft.graph.mailboxRestoreArtifact", "id": "%5$s",
                    "restorePoint": {"id": "rp-b"}, "destinationType": "inPlace", "status": "added",
                    "createdDateTime": "2015-06-19T12:01:03.45Z", "startDateTime": null, "completionDateTime": null,
                    "error": null, "restoredFolderId": null, "restoredFolderName": null}
                 ]}""".formatted(sessionId, USER_ID, USER_NAME, artifactIds.get(0), artifactIds.get(1)),
                result.getResponse().getContentAsString(), JSONCompareMode.STRICT);
    }

    @Test
    void a_session_without_artifacts_is_awaited_at_its_first_version() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isCreated());

        CreateRestoreSession sent = sentCommand();
        assertThat(sent).isEqualTo(new CreateRestoreSession(sent.sessionId(), TENANT, List.of(), NOW));
        verify(queryGateway).query(new AwaitRestoreSessionVersion(sent.sessionId(), 0), Boolean.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"/solutions/backupRestore", "/beta/solutions/backupRestore", "/v1.0/solutions/backupRestore"})
    void the_location_has_the_prefix_the_request_used(String prefix) throws Exception {
        MvcResult result = mvc.perform(post(prefix + "/exchangeRestoreSessions")
                        .contentType(MediaType.APPLICATION_JSON).content("{\"mailboxRestoreArtifacts\": []}"))
                .andExpect(status().isCreated())
                .andReturn();

        assertThat(result.getResponse().getHeader("Location"))
                .isEqualTo("http://localhost" + prefix + "/exchangeRestoreSessions/" + sentCommand().sessionId());
    }

    @Test
    void a_session_the_read_side_does_not_show_in_time_is_answered_accepted_with_its_location() throws Exception {
        readSideShowsWrites(false);
        doReturn(CompletableFuture.completedFuture(Optional.empty()))
                .when(queryGateway).query(any(FindRestoreSession.class), any(ResponseType.class));

        MvcResult result = mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("{}"))
                .andExpect(status().isAccepted())
                .andExpect(content().string(""))
                .andReturn();

        assertThat(result.getResponse().getHeader("Location")).endsWith(PATH + "/" + sentCommand().sessionId());
    }

    static Stream<Arguments> rejections() {
        return Stream.of(
                Arguments.of(Rejection.MAILBOX_ALREADY_IN_SESSION, "DuplicateArtifactInList"),
                Arguments.of(Rejection.DIFFERENT_DESTINATION_TYPE, "DifferentRestoreDestinationType"),
                Arguments.of(Rejection.RESTORE_POINT_EXPIRED, "InvalidRestoreTime"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rejections")
    void a_create_the_session_rejects_is_refused_whole_with_400(Rejection rejection, String code) throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new RestoreSessionRejected(rejection, "The session says no."));

        JsonNode problem = refused(artifacts(artifact("{\"id\": \"rp-a\"}", "inPlace"),
                artifact("{\"id\": \"rp-a\"}", "new")), 400, code);

        assertThat(problem.get("detail").asText()).isEqualTo("The session says no.");
        verify(queryGateway, never()).query(any(AwaitRestoreSessionVersion.class), eq(Boolean.class));
    }

    @Test
    void a_restore_point_the_catalog_does_not_hold_is_sent_for_the_session_to_refuse_the_create() throws Exception {
        doReturn(Optional.empty()).when(restorePoints).find(TENANT, "rp-gone");
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(RestoreSessionRejected.unknownRestorePoint("rp-gone"));

        JsonNode problem = refused(artifacts(artifact("{\"id\": \"rp-a\"}", "new"), artifact("{\"id\": \"rp-gone\"}", "new")),
                400, "InvalidRestorePoint");

        assertThat(problem.get("detail").asText()).isEqualTo("Restore point 'rp-gone' does not exist.");
        assertThat(sentCommand().artifacts())
                .extracting(NewMailboxArtifact::restorePointId, NewMailboxArtifact::catalogued)
                .containsExactly(tuple("rp-a", true), tuple("rp-gone", false));
        verifyNoInteractions(queryGateway);
    }

    static Stream<Arguments> malformedBodies() {
        String fiftyOne = items(51, i -> artifact("{\"id\": \"rp-" + i + "\"}", "inPlace"));
        return Stream.of(
                row("no body", "", 400, "BadRequest"),
                row("not JSON", "{\"mailboxRestoreArtifacts\": [", 400, "BadRequest"),
                row("JSON with comments", "{\"mailboxRestoreArtifacts\": [] // none yet\n}", 400, "BadRequest"),
                row("not an object", "[]", 400, "BadRequest"),
                row("a read-only status", "{\"status\": \"active\"}", 400, "BadRequest"),
                row("a read-only id", "{\"id\": \"00000000-0000-0000-0000-000000000001\"}", 400, "BadRequest"),
                row("a read-only createdBy", "{\"createdBy\": {\"user\": {\"id\": \"u\"}}}", 400, "BadRequest"),
                row("a read-only artifact count", "{\"restoreSessionArtifactCount\": {\"total\": 0}}", 400, "BadRequest"),
                row("an unknown property", "{\"displayName\": \"mine\"}", 400, "BadRequest"),
                row("another type", "{\"@odata.type\": \"#microsoft.graph.sharePointRestoreSession\"}",
                        400, "BadRequest"),
                row("artifacts that are not an array", "{\"mailboxRestoreArtifacts\": {}}", 400, "BadRequest"),
                row("an artifact that is not an object", artifacts("\"rp-a\""), 400, "BadRequest"),
                row("an artifact with a read-only status", artifacts("{\"restorePoint\": {\"id\": \"rp-a\"}, "
                        + "\"destinationType\": \"inPlace\", \"status\": \"added\"}"), 400, "BadRequest"),
                row("an artifact with an unknown property", artifacts("{\"restorePoint\": {\"id\": \"rp-a\"}, "
                        + "\"destinationType\": \"inPlace\", \"mailbox\": \"x\"}"), 400, "BadRequest"),
                row("an artifact without a restore point", artifacts("{\"destinationType\": \"inPlace\"}"),
                        400, "InvalidRestorePoint"),
                row("a null restore point", artifacts(artifact("null", "inPlace")), 400, "InvalidRestorePoint"),
                row("an empty restore point reference", artifacts(artifact("{}", "inPlace")),
                        400, "InvalidRestorePoint"),
                row("a restore point reference with an empty id", artifacts(artifact("{\"id\": \"\"}", "inPlace")),
                        400, "InvalidRestorePoint"),
                row("a restore point reference to something else",
                        artifacts(artifact("{\"@odata.id\": \"https://graph.microsoft.com/beta/users/u-1\"}", "inPlace")),
                        400, "InvalidRestorePoint"),
                row("an artifact without a destination type", artifacts("{\"restorePoint\": {\"id\": \"rp-a\"}}"),
                        400, "InvalidPathType"),
                row("a null destination type", artifacts("{\"restorePoint\": {\"id\": \"rp-a\"}, "
                        + "\"destinationType\": null}"), 400, "InvalidPathType"),
                row("an unknown destination type", artifacts(artifact("{\"id\": \"rp-a\"}", "elsewhere")),
                        400, "InvalidPathType"),
                row("the evolvable destination type", artifacts(artifact("{\"id\": \"rp-a\"}", "unknownFutureValue")),
                        400, "InvalidPathType"),
                row("51 artifacts", artifacts(fiftyOne), 413, "RestoreArtifactsLimitBreached"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedBodies")
    void a_malformed_create_is_refused_whole_before_any_command(String description, String body, int status,
                                                                String code) throws Exception {
        refused(body, status, code);

        verifyNoInteractions(commandGateway, queryGateway);
    }

    @Test
    void a_body_that_is_not_json_by_content_type_is_unsupported() throws Exception {
        mvc.perform(post(PATH).contentType(MediaType.TEXT_PLAIN).content("{}"))
                .andExpect(status().isUnsupportedMediaType())
                .andExpect(header().doesNotExist("Location"));

        verifyNoInteractions(commandGateway, queryGateway);
    }

    private JsonNode refused(String body, int status, String code) throws Exception {
        MvcResult result = mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(status))
                .andExpect(header().doesNotExist("Location"))
                .andReturn();
        return assertRefused(result, code);
    }

    private CreateRestoreSession sentCommand() {
        ArgumentCaptor<CreateRestoreSession> command = ArgumentCaptor.forClass(CreateRestoreSession.class);
        verify(commandGateway).sendAndWait(command.capture(), any(MetaData.class));
        return command.getValue();
    }

    /** The session as the read side would show it after the create that the test sent. */
    private RestoreSessionView shown(FindRestoreSession query) {
        CreateRestoreSession created = sentCommand();
        IdentitySet creator = IdentitySet.ofUser(USER_ID, USER_NAME);
        List<MailboxRestoreArtifactView> artifacts = created.artifacts().stream()
                .map(artifact -> new MailboxRestoreArtifactView(artifact.artifactId(), query.sessionId(),
                        new RestorePointReference(artifact.restorePointId(), null, null),
                        artifact.destinationType().graphName(), "added", CREATED, null, null, null, null, null, null))
                .toList();
        return new RestoreSessionView(query.sessionId(), query.tenantId(), artifacts.size(), "draft", creator, CREATED,
                creator, CREATED, null, null, "standard", new ArtifactCount(artifacts.size(), 0, 0, 0), artifacts);
    }

    private static String artifacts(String... artifacts) {
        return "{\"mailboxRestoreArtifacts\": [" + String.join(", ", artifacts) + "]}";
    }

    private static String artifact(String reference, String destinationType) {
        return "{\"restorePoint\": " + reference + ", \"destinationType\": \"" + destinationType + "\"}";
    }
}
