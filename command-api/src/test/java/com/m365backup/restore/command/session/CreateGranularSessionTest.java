package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.query.FindGranularSearches;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.CreateRestoreSession;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.GranularSearch;
import com.m365backup.restore.domain.session.MessageCondition;
import com.m365backup.restore.domain.session.MessageProperty;
import com.m365backup.restore.domain.session.NewGranularArtifact;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import org.axonframework.messaging.MetaData;
import org.axonframework.messaging.responsetypes.ResponseType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.mockito.ArgumentCaptor;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MvcResult;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
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
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

/**
 * A create with granular artifacts (docs/api.md, Granular restore): one {@link CreateRestoreSession} whose granular
 * artifacts carry their searches as kept, looked up once for all of them, under either member name; a body that mixes
 * both kinds, or names no search, sends nothing.
 */
@SessionWrites
class CreateGranularSessionTest extends WriteSliceTest {

    private static final String PATH = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final ArtifactQuery INVOICES = new ArtifactQuery("subject:invoice",
            List.of(MessageCondition.of(MessageProperty.SUBJECT, "invoice")));
    private static final GranularSearch SEARCH = new GranularSearch("search-1", "rp-1", List.of("rp-1"), INVOICES,
            Instant.parse("2015-06-26T12:01:03.45Z"));

    @BeforeEach
    void theSearchIsKept() {
        readSideShowsWrites(false);
        doReturn(CompletableFuture.completedFuture(List.of(SEARCH)))
                .when(queryGateway).query(any(FindGranularSearches.class), any(ResponseType.class));
        doReturn(CompletableFuture.completedFuture(Optional.empty()))
                .when(queryGateway).query(any(FindRestoreSession.class), any(ResponseType.class));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"granularMailboxRestoreArtifacts", "granularMailboxRestoreArtifact"})
    void granular_artifacts_carry_their_searches_as_kept_in_one_command(String member) throws Exception {
        MvcResult result = mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("""
                {"%s": [
                  {"@odata.type": "#microsoft.graph.granularMailboxRestoreArtifact",
                   "restorePoint": {"id": "rp-1"}, "destinationType": "new", "searchResponseId": "search-1"},
                  {"restorePoint": {"id": "rp-2"}, "destinationType": "new", "searchResponseId": "search-2"}]}"""
                .formatted(member))).andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(202);
        ArgumentCaptor<CreateRestoreSession> sent = ArgumentCaptor.forClass(CreateRestoreSession.class);
        verify(commandGateway).sendAndWait(sent.capture(), any(MetaData.class));
        verify(queryGateway).query(eq(new FindGranularSearches(TENANT, List.of("search-1", "search-2"))),
                any(ResponseType.class));
        CreateRestoreSession command = sent.getValue();
        assertThat(command.artifacts()).isEmpty();
        assertThat(command.requestedAt()).isEqualTo(NOW);
        List<NewGranularArtifact> granular = command.granularArtifacts();
        assertThat(granular).containsExactly(
                new NewGranularArtifact(new NewMailboxArtifact(granular.get(0).artifact().artifactId(), "rp-1",
                        "rp-1", null, DestinationType.NEW), "search-1", SEARCH),
                new NewGranularArtifact(new NewMailboxArtifact(granular.get(1).artifact().artifactId(), "rp-2",
                        "rp-2", null, DestinationType.NEW), "search-2", null));
    }

    @Test
    void a_create_with_both_kinds_of_artifacts_sends_nothing() throws Exception {
        MvcResult result = mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("""
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "rp-2"}, "destinationType": "new"}],
                 "granularMailboxRestoreArtifacts": [
                   {"restorePoint": {"id": "rp-1"}, "destinationType": "new", "searchResponseId": "search-1"}]}"""))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"BadRequest\"");
        verifyNoInteractions(commandGateway);
    }

    @Test
    void a_granular_artifact_without_a_search_sends_nothing() throws Exception {
        MvcResult result = mvc.perform(post(PATH).contentType(MediaType.APPLICATION_JSON).content("""
                {"granularMailboxRestoreArtifacts": [{"restorePoint": {"id": "rp-1"}, "destinationType": "new"}]}"""))
                .andReturn();

        assertThat(result.getResponse().getStatus()).isEqualTo(400);
        assertThat(result.getResponse().getContentAsString()).contains("\"code\":\"InvalidSearchRequest\"");
        verifyNoInteractions(commandGateway);
    }
}
