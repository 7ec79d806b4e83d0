package com.m365backup.restore.app.session;

import com.m365backup.restore.app.GraphSdkTest;
import com.m365backup.restore.app.IntegrationTest;
import com.microsoft.graph.beta.models.ArtifactRestoreStatus;
import com.microsoft.graph.beta.models.DestinationType;
import com.microsoft.graph.beta.models.ExchangeRestoreSession;
import com.microsoft.graph.beta.models.ExchangeRestoreSessionCollectionResponse;
import com.microsoft.graph.beta.models.MailboxRestoreArtifact;
import com.microsoft.graph.beta.models.MailboxRestoreArtifactCollectionResponse;
import com.microsoft.graph.beta.models.RestorePoint;
import com.microsoft.graph.beta.models.RestoreSessionBase;
import com.microsoft.graph.beta.models.RestoreSessionStatus;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Microsoft Graph beta Java SDK, with its own request builders and models, as a client of this
 * service: what it parses is what a Graph client developer gets.
 */
@IntegrationTest
class GraphSdkClientTest extends GraphSdkTest {

    @Test
    void creating_a_session_with_the_sdk_returns_a_draft_with_its_artifacts() {
        ExchangeRestoreSession created = sessions.post(sessionWith(catalog.restorePoint("rp-sdk-1-" + UUID.randomUUID()),
                catalog.restorePoint("rp-sdk-2-" + UUID.randomUUID())));

        assertThat(created.getId()).isNotBlank();
        assertThat(created.getStatus()).isEqualTo(RestoreSessionStatus.Draft);
        assertThat(created.getCreatedDateTime()).isBeforeOrEqualTo(OffsetDateTime.now());
        assertThat(created.getLastModifiedDateTime()).isEqualTo(created.getCreatedDateTime());
        assertThat(created.getRestoreSessionArtifactCount().getTotal()).isEqualTo(2);
        assertThat(created.getMailboxRestoreArtifacts()).hasSize(2)
                .allSatisfy(artifact -> {
                    assertThat(artifact.getStatus()).isEqualTo(ArtifactRestoreStatus.Added);
                    assertThat(artifact.getDestinationType()).isEqualTo(DestinationType.InPlace);
                });
    }

    @Test
    void a_session_reads_back_with_and_without_its_artifacts() {
        String restorePoint = catalog.restorePoint("rp-sdk-get-" + UUID.randomUUID());
        ExchangeRestoreSession created = sessions.post(sessionWith(restorePoint));

        ExchangeRestoreSession plain = sessions.byExchangeRestoreSessionId(created.getId()).get();
        ExchangeRestoreSession expanded = sessions.byExchangeRestoreSessionId(created.getId())
                .get(request -> request.queryParameters.expand = new String[]{"mailboxRestoreArtifacts"});

        assertThat(plain.getId()).isEqualTo(created.getId());
        assertThat(plain.getStatus()).isEqualTo(RestoreSessionStatus.Draft);
        assertThat(plain.getMailboxRestoreArtifacts()).isNull();
        assertThat(expanded.getMailboxRestoreArtifacts()).singleElement()
                .satisfies(artifact -> assertThat(artifact.getRestorePoint().getId()).isEqualTo(restorePoint));
    }

    @Test
    void the_session_list_holds_a_new_session() {
        ExchangeRestoreSession created = sessions.post(sessionWith(catalog.restorePoint("rp-sdk-list-" + UUID.randomUUID())));

        ExchangeRestoreSessionCollectionResponse page = sessions.get(request -> request.queryParameters.top = 1000);

        assertThat(page.getValue()).extracting(ExchangeRestoreSession::getId).contains(created.getId());
    }

    @Test
    void the_artifacts_of_a_session_list_count_and_read_one_by_one() {
        String restorePoint = catalog.restorePoint("rp-sdk-artifacts-" + UUID.randomUUID());
        ExchangeRestoreSession created = sessions.post(sessionWith(restorePoint));
        var artifacts = sessions.byExchangeRestoreSessionId(created.getId()).mailboxRestoreArtifacts();

        MailboxRestoreArtifactCollectionResponse listed = artifacts.get();
        Integer count = artifacts.count().get();
        MailboxRestoreArtifact one = artifacts.byMailboxRestoreArtifactId(listed.getValue().get(0).getId()).get();

        assertThat(listed.getValue()).singleElement().satisfies(artifact -> {
            assertThat(artifact.getRestorePoint().getId()).isEqualTo(restorePoint);
            assertThat(artifact.getStatus()).isEqualTo(ArtifactRestoreStatus.Added);
        });
        assertThat(count).isEqualTo(1);
        assertThat(one.getId()).isEqualTo(listed.getValue().get(0).getId());
    }

    @Test
    void a_session_reads_as_an_exchange_session_through_the_base_collection() {
        ExchangeRestoreSession created = sessions.post(sessionWith(catalog.restorePoint("rp-sdk-base-" + UUID.randomUUID())));

        RestoreSessionBase read = graph.solutions().backupRestore().restoreSessions()
                .byRestoreSessionBaseId(created.getId()).get();

        assertThat(read).isInstanceOf(ExchangeRestoreSession.class);
        assertThat(read.getId()).isEqualTo(created.getId());
    }

    @Test
    void an_unknown_session_is_an_odata_error_the_sdk_understands() {
        ODataError error = catchThrowableOfType(ODataError.class,
                () -> sessions.byExchangeRestoreSessionId(UUID.randomUUID().toString()).get());

        assertThat(error.getResponseStatusCode()).isEqualTo(404);
        assertThat(error.getError().getCode()).isEqualTo("RestoreSessionNotFound");
        assertThat(error.getError().getMessage()).isNotBlank();
        assertThat(error.getError().getInnerError().getRequestId()).isNotBlank();
    }

    private ExchangeRestoreSession sessionWith(String... restorePointIds) {
        ExchangeRestoreSession session = new ExchangeRestoreSession();
        session.setMailboxRestoreArtifacts(List.of(restorePointIds).stream().map(id -> {
            RestorePoint restorePoint = new RestorePoint();
            restorePoint.setId(id);
            MailboxRestoreArtifact artifact = new MailboxRestoreArtifact();
            artifact.setRestorePoint(restorePoint);
            artifact.setDestinationType(DestinationType.InPlace);
            return artifact;
        }).toList());
        return session;
    }
}
