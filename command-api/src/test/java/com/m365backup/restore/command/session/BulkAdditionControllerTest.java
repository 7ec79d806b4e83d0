package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.TestCaller;
import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.domain.query.BulkAdditionRequestList;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.query.ListBulkAdditionRequests;
import com.m365backup.restore.domain.query.TimePeriodView;
import com.m365backup.restore.domain.session.CreateBulkAdditionRequest;
import com.m365backup.restore.domain.session.DeleteBulkAdditionRequest;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RestorePointPreference;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import static com.m365backup.restore.command.TestCaller.NOW;
import static com.m365backup.restore.command.TestCaller.TENANT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * The writes of bulk addition requests (docs/api.md, Bulk addition requests): the exact command sent, each mailbox
 * once, the request answered 201 as the read side shows it; a malformed body sends nothing; the session's refusals
 * in Graph's statuses and codes.
 */
@WebMvcTest(controllers = BulkAdditionController.class, properties = "spring.mvc.problemdetails.enabled=true")
@EnableConfigurationProperties({ActivationLimits.class, BulkAdditionLimits.class})
@Import({TestCaller.class, BulkAdditionRequestReader.class, BulkAdditions.class, SessionReadSide.class,
        SessionPreconditions.class, SessionCommands.class})
class BulkAdditionControllerTest extends WriteSliceTest {

    private static final String SESSION = "0f0e1d2c-3b4a-5968-8776-a5b4c3d2e1f0";
    private static final String REQUESTS = "/beta/solutions/backupRestore/exchangeRestoreSessions/" + SESSION
            + "/mailboxRestoreArtifactsBulkAdditionRequests";
    private static final String BODY = """
            {"displayName": "Sales", "mailboxes": ["adele@contoso.com", "ADELE@contoso.com", "alex@contoso.com"],
             "directoryObjectIds": ["dir-1", "dir-1"],
             "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2026-06-30T00:00:00Z"},
             "destinationType": "new", "restorePointPreference": "oldest", "tags": "fastRestore"}""";

    @BeforeEach
    void readSideKeepsUp() {
        readSideShowsWrites(true);
    }

    @Test
    void a_request_is_one_command_with_each_mailbox_once_answered_as_the_read_side_shows_it() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(1L);
        ArgumentCaptor<CreateBulkAdditionRequest> sent = ArgumentCaptor.forClass(CreateBulkAdditionRequest.class);
        doReturn(CompletableFuture.completedFuture(new BulkAdditionRequestList(true, List.of())))
                .when(queryGateway).query(eq(new ListBulkAdditionRequests(TENANT, SESSION, true)),
                        any(ResponseType.class));

        mvc.perform(post(REQUESTS).contentType(MediaType.APPLICATION_JSON).content(BODY)).andReturn();

        verify(commandGateway).sendAndWait(sent.capture(), any(MetaData.class));
        CreateBulkAdditionRequest command = sent.getValue();
        assertThat(command).isEqualTo(new CreateBulkAdditionRequest(SESSION, TENANT, command.requestId(), "Sales",
                List.of("adele@contoso.com", "alex@contoso.com"), List.of("dir-1"),
                Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2026-06-30T00:00:00Z"), DestinationType.NEW,
                RestorePointPreference.OLDEST, "fastRestore", NOW));
        assertThat(command.requestId()).matches("[0-9a-f-]{36}");
    }

    @Test
    void the_created_request_is_answered_201_with_its_location() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenAnswer(invocation -> {
            CreateBulkAdditionRequest command = invocation.getArgument(0);
            doReturn(CompletableFuture.completedFuture(new BulkAdditionRequestList(true, List.of(
                    shown(command.requestId())))))
                    .when(queryGateway).query(eq(new ListBulkAdditionRequests(TENANT, SESSION, true)),
                            any(ResponseType.class));
            return 1L;
        });

        MvcResult result = mvc.perform(post(REQUESTS).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(201);
        JsonNode body = bodyOf(result);
        assertThat(result.getResponse().getHeader("Location")).endsWith(REQUESTS + "/" + body.get("id").asText());
        assertThat(body.get("status").asText()).isEqualTo("active");
        assertThat(body.get("@odata.type").asText())
                .isEqualTo("#microsoft.graph.mailboxRestoreArtifactsBulkAdditionRequest");
    }

    @Test
    void a_malformed_request_sends_no_command() throws Exception {
        MvcResult result = mvc.perform(post(REQUESTS).contentType(MediaType.APPLICATION_JSON)
                .content("{\"mailboxes\": [\"adele\"], \"destinationType\": \"new\"}")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(codeOf(result))
                .isEqualTo("BulkRestoreInvalidCreateRequestUserEmail");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void a_deletion_is_one_command() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(9L);

        MvcResult result = mvc.perform(delete(REQUESTS + "/bulk-1")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(204);
        verify(commandGateway).sendAndWait(eq(new DeleteBulkAdditionRequest(SESSION, TENANT, "bulk-1", NOW)),
                any(MetaData.class));
        verify(queryGateway).query(new AwaitRestoreSessionVersion(SESSION, 9), Boolean.class);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "BULK_REQUEST_EXISTS, 403, RestoreSessionActionNotAllowed",
            "SESSION_HOLDS_ARTIFACTS, 403, RestoreSessionActionNotAllowed",
            "SESSION_NOT_IN_DRAFT, 403, RestoreSessionActionNotAllowed",
            "SESSION_NOT_FOUND, 404, RestoreSessionNotFound"})
    void a_refused_request_is_answered_with_the_graph_status_and_code(Rejection rejection, int status, String code)
            throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new RestoreSessionRejected(rejection, "Refused for a reason."));

        MvcResult result = mvc.perform(post(REQUESTS).contentType(MediaType.APPLICATION_JSON).content(BODY))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(codeOf(result)).isEqualTo(code);
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "BULK_REQUEST_NOT_RESOLVED_YET, 403, InvalidStateForBulkRequestDeletion",
            "BULK_REQUEST_NOT_FOUND, 404, BulkRestoreArtifactsNotFound",
            "SESSION_NOT_FOUND, 404, RestoreSessionNotFound"})
    void a_refused_deletion_is_answered_with_the_graph_status_and_code(Rejection rejection, int status, String code)
            throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new RestoreSessionRejected(rejection, "Refused for a reason."));

        MvcResult result = mvc.perform(delete(REQUESTS + "/bulk-1")).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        assertThat(codeOf(result)).isEqualTo(code);
    }

    private static BulkAdditionRequestView shown(String requestId) {
        IdentitySet megan = IdentitySet.ofUser(TestCaller.USER_ID, TestCaller.USER_NAME);
        return new BulkAdditionRequestView(requestId, SESSION, "Sales", "new",
                new TimePeriodView(Instant.parse("2026-01-01T00:00:00Z").atOffset(ZoneOffset.UTC),
                        Instant.parse("2026-06-30T00:00:00Z").atOffset(ZoneOffset.UTC)),
                "oldest", "fastRestore", "active", null, List.of("adele@contoso.com", "alex@contoso.com"),
                List.of("dir-1"), megan, NOW.atOffset(ZoneOffset.UTC), megan, NOW.atOffset(ZoneOffset.UTC));
    }
}
