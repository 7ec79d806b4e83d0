package com.m365backup.restore.command.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.command.TestCaller;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.query.ArtifactCount;
import com.m365backup.restore.domain.query.AwaitRestoreSessionGone;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.domain.query.BulkMailboxResolution;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.MeasureTenantRestoreLoad;
import com.m365backup.restore.domain.query.ResolveBulkAdditionRequest;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.query.TenantRestoresInProgress;
import com.m365backup.restore.domain.session.ActivateRestoreSession;
import com.m365backup.restore.domain.session.BulkResolution;
import com.m365backup.restore.domain.session.DeleteRestoreSession;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import com.m365backup.restore.domain.session.TenantRestoreLoad;
import com.m365backup.restore.domain.session.UnresolvedMailbox;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mockito.ArgumentCaptor;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MvcResult;

import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import static com.m365backup.restore.command.TestCaller.NOW;
import static com.m365backup.restore.command.TestCaller.TENANT;
import static com.m365backup.restore.command.TestCaller.USER_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.doReturn;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * Activate and DELETE (docs/api.md, Lifecycle): the exact command sent, with the tenant's load and the configured
 * limits, and every refusal of the session as its Graph status and code.
 */
@WebMvcTest(controllers = SessionLifecycleController.class,
        properties = {"spring.mvc.problemdetails.enabled=true", "restore.activation.max-active-sessions=7",
                "restore.activation.max-mailboxes-in-restore=300"})
@EnableConfigurationProperties({ActivationLimits.class, BulkAdditionLimits.class})
@Import({TestCaller.class, SessionLifecycle.class, SessionReadSide.class,
        SessionPreconditions.class, SessionCommands.class})
class SessionLifecycleTest extends WriteSliceTest {

    private static final String SESSION = "0f0e1d2c-3b4a-5968-8776-a5b4c3d2e1f0";
    private static final String ACTIVATE = "/beta/solutions/backupRestore/restoreSessions/" + SESSION + "/activate";

    @BeforeEach
    void readSideKeepsUp() {
        readSideShowsWrites(true);
        when(queryGateway.query(any(AwaitRestoreSessionGone.class), eq(Boolean.class)))
                .thenReturn(CompletableFuture.completedFuture(true));
        doReturn(CompletableFuture.completedFuture(new TenantRestoresInProgress(2, 40)))
                .when(queryGateway).query(eq(new MeasureTenantRestoreLoad(TENANT)), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(Optional.empty()))
                .when(queryGateway).query(eq(new ResolveBulkAdditionRequest(TENANT, SESSION, NOW)),
                        any(ResponseType.class));
    }

    @Test
    void activation_sends_the_tenants_load_and_limits_and_answers_the_session_activating() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(4L);
        doReturn(CompletableFuture.completedFuture(Optional.of(activating())))
                .when(queryGateway).query(eq(new FindRestoreSession(TENANT, SESSION, false)), any(ResponseType.class));

        MvcResult result = mvc.perform(post(ACTIVATE)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        ArgumentCaptor<MetaData> metaData = ArgumentCaptor.forClass(MetaData.class);
        verify(commandGateway).sendAndWait(eq(new ActivateRestoreSession(SESSION, TENANT,
                new TenantRestoreLoad(2, 7, 40, 300, 10_000), NOW)), metaData.capture());
        assertThat(metaData.getValue()).containsEntry(CallerMetaData.TENANT_ID, TENANT)
                .containsEntry(CallerMetaData.USER_ID, USER_ID);
        verify(queryGateway).query(new AwaitRestoreSessionVersion(SESSION, 4), Boolean.class);
        JsonNode body = bodyOf(result);
        assertThat(body.get("id").asText()).isEqualTo(SESSION);
        assertThat(body.get("status").asText()).isEqualTo("activating");
        assertThat(body.get("@odata.type").asText()).isEqualTo("#microsoft.graph.exchangeRestoreSession");
    }

    @Test
    void activation_of_a_bulk_session_sends_its_request_as_the_catalog_resolved_it() throws Exception {
        UnresolvedMailbox unknown = new UnresolvedMailbox("nobody@contoso.com", UnresolvedMailbox.NO_SUCH_MAILBOX,
                "The tenant has no mailbox with the email address 'nobody@contoso.com'.");
        doReturn(CompletableFuture.completedFuture(Optional.of(new BulkMailboxResolution("bulk-1",
                DestinationType.NEW, List.of(new BulkMailboxResolution.Resolved("adele@contoso.com", "unit-1",
                "rp-1", null)), List.of(unknown)))))
                .when(queryGateway).query(eq(new ResolveBulkAdditionRequest(TENANT, SESSION, NOW)),
                        any(ResponseType.class));
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(6L);
        doReturn(CompletableFuture.completedFuture(Optional.of(activating())))
                .when(queryGateway).query(eq(new FindRestoreSession(TENANT, SESSION, false)), any(ResponseType.class));

        MvcResult result = mvc.perform(post(ACTIVATE)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(200);
        ArgumentCaptor<ActivateRestoreSession> sent = ArgumentCaptor.forClass(ActivateRestoreSession.class);
        verify(commandGateway).sendAndWait(sent.capture(), any(MetaData.class));
        BulkResolution resolution = sent.getValue().bulkResolution();
        assertThat(resolution.requestId()).isEqualTo("bulk-1");
        assertThat(resolution.unresolved()).containsExactly(unknown);
        assertThat(resolution.artifacts()).singleElement().satisfies(artifact -> {
            assertThat(artifact.artifactId()).isNotBlank();
            assertThat(artifact).isEqualTo(new NewMailboxArtifact(artifact.artifactId(), "rp-1", "unit-1", null,
                    DestinationType.NEW));
        });
    }

    @ParameterizedTest(name = "{0} -> {1} {2}")
    @CsvSource({
            "SESSION_NOT_IN_DRAFT, 403, RestoreSessionActionNotAllowed",
            "NO_ARTIFACTS, 400, InvalidArtifactRequest",
            "TOO_MANY_ACTIVE_SESSIONS, 500, TooManyActiveRestoreSessions",
            "TOO_MANY_MAILBOXES_IN_RESTORE, 400, RestoreArtifactsLimitBreached",
            "SESSION_NOT_FOUND, 404, RestoreSessionNotFound",
            "BULK_RESOLUTION_MISSING, 409, Conflict"})
    void a_refused_activation_is_answered_with_the_graph_status_and_code(Rejection rejection, int status,
                                                                          String code) throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new RestoreSessionRejected(rejection, "Refused for a reason."));

        MvcResult result = mvc.perform(post(ACTIVATE)).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(status);
        JsonNode problem = bodyOf(result);
        assertThat(problem.get("code").asText()).isEqualTo(code);
        assertThat(problem.get("detail").asText()).isEqualTo("Refused for a reason.");
    }

    @Test
    void a_session_id_that_is_not_a_guid_is_refused_before_any_command() throws Exception {
        MvcResult result = mvc.perform(post("/solutions/backupRestore/restoreSessions/not-a-guid/activate"))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(codeOf(result))
                .isEqualTo("InvalidRestoreSessionId");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void delete_of_either_path_sends_the_command_and_answers_204_once_the_read_side_no_longer_shows_it()
            throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(2L);

        MvcResult exchange = mvc.perform(delete("/v1.0/solutions/backupRestore/exchangeRestoreSessions/" + SESSION))
                .andReturn();
        MvcResult any = mvc.perform(delete("/solutions/backupRestore/restoreSessions/" + SESSION)).andReturn();

        assertThat(exchange.getResponse().getStatus()).isEqualTo(204);
        assertThat(any.getResponse().getStatus()).isEqualTo(204);
        verify(commandGateway, times(2))
                .sendAndWait(eq(new DeleteRestoreSession(SESSION, TENANT, NOW)), any(MetaData.class));
        verify(queryGateway, times(2)).query(new AwaitRestoreSessionGone(SESSION), Boolean.class);
    }

    @Test
    void delete_of_a_session_that_is_not_a_draft_is_refused_with_403() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenThrow(new RestoreSessionRejected(
                Rejection.SESSION_NOT_IN_DRAFT, "A restore session can only be deleted in draft state."));

        MvcResult result = mvc.perform(delete("/beta/solutions/backupRestore/restoreSessions/" + SESSION))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(403);
        assertThat(codeOf(result))
                .isEqualTo("RestoreSessionActionNotAllowed");
    }

    @Test
    void activation_and_delete_carry_the_version_their_if_match_names() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class))).thenReturn(4L);
        doReturn(CompletableFuture.completedFuture(Optional.of(activating())))
                .when(queryGateway).query(eq(new FindRestoreSession(TENANT, SESSION, false)), any(ResponseType.class));

        mvc.perform(post(ACTIVATE).header("If-Match", "W/\"3\"")).andReturn();
        mvc.perform(delete("/solutions/backupRestore/restoreSessions/" + SESSION).header("If-Match", "W/\"3\""))
                .andReturn();

        verify(commandGateway).sendAndWait(eq(new ActivateRestoreSession(SESSION, TENANT,
                new TenantRestoreLoad(2, 7, 40, 300, 10_000), NOW, 3L)), any(MetaData.class));
        verify(commandGateway).sendAndWait(eq(new DeleteRestoreSession(SESSION, TENANT, NOW, 3L)), any(MetaData.class));
    }

    @Test
    void activation_or_delete_of_a_session_that_moved_on_since_the_etag_named_is_refused_with_412() throws Exception {
        when(commandGateway.sendAndWait(any(), any(MetaData.class)))
                .thenThrow(new ConflictingAggregateVersionException(SESSION, 3, 5));

        MvcResult activation = mvc.perform(post(ACTIVATE).header("If-Match", "W/\"3\"")).andReturn();
        MvcResult deletion = mvc.perform(delete("/solutions/backupRestore/restoreSessions/" + SESSION)
                .header("If-Match", "W/\"3\"")).andReturn();

        for (MvcResult result : List.of(activation, deletion)) {
            assertThat(result.getResponse().getStatus()).isEqualTo(412);
            JsonNode problem = bodyOf(result);
            assertThat(problem.get("code").asText()).isEqualTo("PreconditionFailed");
            assertThat(problem.get("detail").asText()).contains("W/\"5\"");
        }
        verify(queryGateway, never()).query(any(AwaitRestoreSessionVersion.class), eq(Boolean.class));
        verify(queryGateway, never()).query(any(AwaitRestoreSessionGone.class), eq(Boolean.class));
    }

    private static RestoreSessionView activating() {
        return new RestoreSessionView(SESSION, TENANT, 4, "activating", null, NOW.atOffset(ZoneOffset.UTC), null,
                NOW.atOffset(ZoneOffset.UTC), null, null, "standard", new ArtifactCount(2, 0, 0, 0), null);
    }
}
