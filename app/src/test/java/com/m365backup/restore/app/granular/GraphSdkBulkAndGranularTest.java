package com.m365backup.restore.app.granular;

import com.m365backup.restore.app.FastRestores;
import com.m365backup.restore.app.GraphSdkTest;
import com.m365backup.restore.app.TestCatalog;
import com.m365backup.restore.app.engine.SyntheticMailbox;
import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.MessageCondition;
import com.m365backup.restore.domain.session.MessageProperty;
import com.microsoft.graph.beta.models.ArtifactRestoreStatus;
import com.microsoft.graph.beta.models.DestinationType;
import com.microsoft.graph.beta.models.ExchangeRestoreSession;
import com.microsoft.graph.beta.models.GranularMailboxRestoreArtifact;
import com.microsoft.graph.beta.models.GranularMailboxRestoreArtifactCollectionResponse;
import com.microsoft.graph.beta.models.MailboxRestoreArtifactsBulkAdditionRequest;
import com.microsoft.graph.beta.models.MailboxRestoreArtifactsBulkAdditionRequestCollectionResponse;
import com.microsoft.graph.beta.models.RestorableArtifact;
import com.microsoft.graph.beta.models.RestoreArtifactsBulkRequestStatus;
import com.microsoft.graph.beta.models.RestoreJobType;
import com.microsoft.graph.beta.models.RestorePoint;
import com.microsoft.graph.beta.models.RestorePointPreference;
import com.microsoft.graph.beta.models.RestorePointSearchResponse;
import com.microsoft.graph.beta.models.RestorePointSearchResult;
import com.microsoft.graph.beta.models.TimePeriod;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.solutions.backuprestore.restorepoints.search.SearchPostRequestBody;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Graph beta Java SDK, through its own request builders and models, on the paths of bulk addition
 * requests and granular restores (docs/api.md, Bulk addition requests and Granular restore): what it sends is
 * accepted, and what it parses is what a Graph client developer gets.
 */
@FastRestores
class GraphSdkBulkAndGranularTest extends GraphSdkTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
    private static final OffsetDateTime END = OffsetDateTime.of(2026, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);

    @Test
    void a_bulk_addition_request_is_created_read_listed_counted_resolved_and_deleted_with_the_sdk() {
        String mailbox = "sdk-bulk-" + UUID.randomUUID();
        catalog.onMailbox(mailbox, mailbox + "-rp");
        String session = sessions.post(new ExchangeRestoreSession()).getId();
        var requests = sessions.byExchangeRestoreSessionId(session).mailboxRestoreArtifactsBulkAdditionRequests();
        MailboxRestoreArtifactsBulkAdditionRequest asked = new MailboxRestoreArtifactsBulkAdditionRequest();
        asked.setDisplayName("Sales");
        asked.setMailboxes(List.of(TestCatalog.email(mailbox), "sdk-nobody@contoso.com"));
        asked.setProtectionTimePeriod(period());
        asked.setDestinationType(DestinationType.InPlace);
        asked.setRestorePointPreference(RestorePointPreference.Latest);

        MailboxRestoreArtifactsBulkAdditionRequest created = requests.post(asked);
        MailboxRestoreArtifactsBulkAdditionRequest read = requests
                .byMailboxRestoreArtifactsBulkAdditionRequestId(created.getId()).get();
        MailboxRestoreArtifactsBulkAdditionRequestCollectionResponse listed = requests.get();
        Integer count = requests.count().get();

        assertThat(created.getStatus()).isEqualTo(RestoreArtifactsBulkRequestStatus.Active);
        assertThat(created.getDisplayName()).isEqualTo("Sales");
        assertThat(created.getProtectionTimePeriod().getStartDateTime()).isEqualTo(START);
        assertThat(created.getCreatedBy().getUser().getDisplayName()).isNotBlank();
        assertThat(read.getMailboxes()).containsExactly(TestCatalog.email(mailbox), "sdk-nobody@contoso.com");
        assertThat(read.getRestorePointPreference()).isEqualTo(RestorePointPreference.Latest);
        assertThat(listed.getValue()).singleElement().satisfies(request -> {
            assertThat(request.getId()).isEqualTo(created.getId());
            assertThat(request.getMailboxes()).isNull();
        });
        assertThat(count).isEqualTo(1);

        graph.solutions().backupRestore().restoreSessions().byRestoreSessionBaseId(session).activate().post();
        MailboxRestoreArtifactsBulkAdditionRequest resolved = requests
                .byMailboxRestoreArtifactsBulkAdditionRequestId(created.getId()).get();
        ExchangeRestoreSession bulkSession = sessions.byExchangeRestoreSessionId(session).get();

        assertThat(resolved.getStatus()).isEqualTo(RestoreArtifactsBulkRequestStatus.CompletedWithErrors);
        assertThat(resolved.getError().getDetails()).singleElement().satisfies(detail -> {
            assertThat(detail.getCode()).isEqualTo("ProtectionUnitNotFound");
            assertThat(detail.getTarget()).isEqualTo("sdk-nobody@contoso.com");
        });
        assertThat(bulkSession.getRestoreJobType()).isEqualTo(RestoreJobType.Bulk);
        assertThat(bulkSession.getRestoreSessionArtifactCount().getTotal()).isEqualTo(1);

        requests.byMailboxRestoreArtifactsBulkAdditionRequestId(created.getId()).delete();
        ODataError gone = catchThrowableOfType(ODataError.class,
                () -> requests.byMailboxRestoreArtifactsBulkAdditionRequestId(created.getId()).get());
        assertThat(gone.getResponseStatusCode()).isEqualTo(404);
        assertThat(gone.getError().getCode()).isEqualTo("BulkRestoreArtifactsNotFound");
    }

    @Test
    void a_granular_search_and_session_go_through_the_sdks_own_builders_and_models() {
        String mailbox = "sdk-granular-" + UUID.randomUUID();
        catalog.onMailbox(mailbox, mailbox + "-rp");
        SearchPostRequestBody search = new SearchPostRequestBody();
        search.setProtectionUnitIds(List.of(mailbox));
        search.setProtectionTimePeriod(period());
        com.microsoft.graph.beta.models.ArtifactQuery query = new com.microsoft.graph.beta.models.ArtifactQuery();
        query.setArtifactType(RestorableArtifact.Message);
        query.setQueryExpression("subject:report");
        search.setArtifactQuery(query);
        int expected = SyntheticMailbox.of(mailbox).count(new ArtifactQuery(null,
                List.of(MessageCondition.of(MessageProperty.SUBJECT, "report"))));

        RestorePointSearchResponse found = graph.solutions().backupRestore().restorePoints().search().post(search);

        assertThat(found.getSearchResponseId()).isNotBlank();
        RestorePointSearchResult result = found.getSearchResults().get(0);
        assertThat(result.getArtifactHitCount()).isEqualTo(expected);
        assertThat(result.getRestorePoint().getId()).isEqualTo(mailbox + "-rp");

        ExchangeRestoreSession asked = new ExchangeRestoreSession();
        GranularMailboxRestoreArtifact artifact = new GranularMailboxRestoreArtifact();
        RestorePoint restorePoint = new RestorePoint();
        restorePoint.setId(mailbox + "-rp");
        artifact.setRestorePoint(restorePoint);
        artifact.setDestinationType(DestinationType.New);
        artifact.setSearchResponseId(found.getSearchResponseId());
        asked.setGranularMailboxRestoreArtifacts(List.of(artifact));
        ExchangeRestoreSession created = sessions.post(asked);
        var granular = sessions.byExchangeRestoreSessionId(created.getId()).granularMailboxRestoreArtifacts();
        GranularMailboxRestoreArtifactCollectionResponse listed = granular.get();
        Integer count = granular.count().get();
        GranularMailboxRestoreArtifact one = granular.byGranularMailboxRestoreArtifactId(
                listed.getValue().get(0).getId()).get();
        ExchangeRestoreSession preferred = sessions.byExchangeRestoreSessionId(created.getId()).get(request -> {
            request.headers.add("Prefer", "include-unknown-enum-members");
            request.queryParameters.expand = new String[]{"granularMailboxRestoreArtifacts"};
        });

        assertThat(created.getRestoreJobType()).isEqualTo(RestoreJobType.UnknownFutureValue);
        assertThat(created.getGranularMailboxRestoreArtifacts()).singleElement().satisfies(answered ->
                assertThat(answered.getSearchResponseId()).isEqualTo(found.getSearchResponseId()));
        assertThat(listed.getValue()).singleElement().satisfies(listedOne -> {
            assertThat(listedOne.getStatus()).isEqualTo(ArtifactRestoreStatus.Added);
            assertThat(listedOne.getDestinationType()).isEqualTo(DestinationType.New);
            assertThat(listedOne.getRestorePoint().getId()).isEqualTo(mailbox + "-rp");
        });
        assertThat(count).isEqualTo(1);
        assertThat(one.getSearchResponseId()).isEqualTo(found.getSearchResponseId());
        assertThat(preferred.getRestoreJobType()).isEqualTo(RestoreJobType.Granular);
        assertThat(preferred.getGranularMailboxRestoreArtifacts()).hasSize(1);
    }

    private static TimePeriod period() {
        TimePeriod period = new TimePeriod();
        period.setStartDateTime(START);
        period.setEndDateTime(END);
        return period;
    }
}
