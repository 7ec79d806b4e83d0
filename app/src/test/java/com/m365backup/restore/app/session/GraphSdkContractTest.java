package com.m365backup.restore.app.session;

import com.m365backup.restore.app.GraphSdkTest;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.TestCatalog;
import com.m365backup.restore.query.restorepoint.RestorePointCatalogFile;
import com.microsoft.graph.beta.models.ArtifactRestoreStatus;
import com.microsoft.graph.beta.models.DestinationType;
import com.microsoft.graph.beta.models.ExchangeRestoreSession;
import com.microsoft.graph.beta.models.ExchangeRestoreSessionCollectionResponse;
import com.microsoft.graph.beta.models.MailboxProtectionUnit;
import com.microsoft.graph.beta.models.MailboxRestoreArtifact;
import com.microsoft.graph.beta.models.MailboxRestoreArtifactCollectionResponse;
import com.microsoft.graph.beta.models.RestorePoint;
import com.microsoft.graph.beta.models.RestorePointPreference;
import com.microsoft.graph.beta.models.RestorePointSearchResponse;
import com.microsoft.graph.beta.models.RestorePointSearchResult;
import com.microsoft.graph.beta.models.RestorePointTags;
import com.microsoft.graph.beta.models.RestoreSessionBaseCollectionResponse;
import com.microsoft.graph.beta.models.RestoreSessionStatus;
import com.microsoft.graph.beta.models.TimePeriod;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.solutions.backuprestore.restorepoints.search.SearchPostRequestBody;
import com.microsoft.graph.core.tasks.PageIterator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The paths and query options of docs/api.md driven through the official Microsoft Graph beta SDK's own request
 * builders, checking what the SDK parsed: restore points, the search, filtered, ordered, selected and counted
 * collections, paging with the SDK's {@link PageIterator}, and Graph errors as {@link ODataError}.
 */
@IntegrationTest
class GraphSdkContractTest extends GraphSdkTest {

    private String since;

    @BeforeEach
    void connect() {
        since = OffsetDateTime.now().truncatedTo(ChronoUnit.MILLIS).toInstant().toString();
    }

    @Test
    void a_restore_point_reads_with_its_mailbox_protection_unit() {
        String mailbox = "mailbox-sdk-" + UUID.randomUUID();
        String id = catalog.onMailbox(mailbox, "rp-sdk-read-" + mailbox)[0];

        RestorePoint read = graph.solutions().backupRestore().restorePoints().byRestorePointId(id)
                .get(request -> request.queryParameters.expand = new String[]{"protectionUnit"});

        assertThat(read.getId()).isEqualTo(id);
        assertThat(read.getProtectionDateTime()).isEqualTo(TestCatalog.TAKEN);
        assertThat(read.getExpirationDateTime()).isEqualTo(TestCatalog.EXPIRES);
        assertThat(read.getTags()).containsExactly(RestorePointTags.None);
        assertThat(read.getProtectionUnit()).isInstanceOfSatisfying(MailboxProtectionUnit.class, unit -> {
            assertThat(unit.getId()).isEqualTo(mailbox);
            assertThat(unit.getEmail()).isEqualTo(mailbox + "@contoso.com");
        });
    }

    @Test
    void the_search_answers_the_latest_restore_point_of_each_mailbox_and_the_mailboxes_without_any() {
        String mailbox = "mailbox-sdk-search-" + UUID.randomUUID();
        catalogImport.load(new RestorePointCatalogFile(List.of(new RestorePointCatalogFile.Tenant(tenant, List.of(
                new RestorePointCatalogFile.ProtectionUnit(mailbox, null, "Search", null, List.of(
                        new RestorePointCatalogFile.RestorePoint("rp-old-" + mailbox,
                                OffsetDateTime.parse("2026-02-01T00:00:00Z"), null, "none"),
                        new RestorePointCatalogFile.RestorePoint("rp-new-" + mailbox,
                                OffsetDateTime.parse("2026-03-01T00:00:00Z"), null, "fastRestore"))))))));
        SearchPostRequestBody search = new SearchPostRequestBody();
        search.setProtectionUnitIds(List.of(mailbox, "nobody-" + mailbox));
        TimePeriod period = new TimePeriod();
        period.setStartDateTime(OffsetDateTime.parse("2026-01-01T00:00:00Z"));
        period.setEndDateTime(OffsetDateTime.parse("2026-12-31T00:00:00Z"));
        search.setProtectionTimePeriod(period);
        search.setRestorePointPreference(RestorePointPreference.Latest);

        RestorePointSearchResponse found = graph.solutions().backupRestore().restorePoints().search().post(search);

        assertThat(found.getSearchResponseId()).isNotBlank();
        assertThat(found.getSearchResults()).extracting(RestorePointSearchResult::getRestorePoint)
                .singleElement().satisfies(restorePoint -> {
                    assertThat(restorePoint.getId()).isEqualTo("rp-new-" + mailbox);
                    assertThat(restorePoint.getTags()).isEqualTo(EnumSet.of(RestorePointTags.FastRestore));
                });
        assertThat(found.getNoResultProtectionUnitIds()).containsExactly("nobody-" + mailbox);
    }

    @Test
    void the_page_iterator_follows_next_links_across_several_pages_of_a_filtered_list() throws Exception {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            created.add(createSession());
        }
        ExchangeRestoreSessionCollectionResponse first = sessions.get(request -> {
            request.queryParameters.filter = "createdDateTime ge " + since + " and status eq 'draft'";
            request.queryParameters.orderby = new String[]{"createdDateTime desc"};
            request.queryParameters.top = 2;
            request.queryParameters.count = true;
        });
        List<String> seen = new ArrayList<>();

        PageIterator<ExchangeRestoreSession, ExchangeRestoreSessionCollectionResponse> iterator =
                new PageIterator.Builder<ExchangeRestoreSession, ExchangeRestoreSessionCollectionResponse>()
                        .client(graph)
                        .collectionPage(first)
                        .collectionPageFactory(ExchangeRestoreSessionCollectionResponse::createFromDiscriminatorValue)
                        .processPageItemCallback(session -> seen.add(session.getId()))
                        .build();
        iterator.iterate();

        assertThat(first.getOdataCount()).isEqualTo(5);
        assertThat(first.getOdataNextLink()).startsWith("http://127.0.0.1:" + port + "/beta/");
        assertThat(first.getValue()).hasSize(2);
        Collections.reverse(created);
        assertThat(seen).containsExactlyElementsOf(created);
    }

    @Test
    void a_selection_leaves_the_other_properties_unset() {
        String created = createSession();

        ExchangeRestoreSession selected = sessions.byExchangeRestoreSessionId(created)
                .get(request -> request.queryParameters.select = new String[]{"status"});

        assertThat(selected.getId()).isEqualTo(created);
        assertThat(selected.getStatus()).isEqualTo(RestoreSessionStatus.Draft);
        assertThat(selected.getCreatedDateTime()).isNull();
        assertThat(selected.getRestoreSessionArtifactCount()).isNull();
    }

    @Test
    void the_base_collection_filters_and_the_artifacts_filter_on_their_status() {
        String created = createSession();

        RestoreSessionBaseCollectionResponse drafts = graph.solutions().backupRestore().restoreSessions()
                .get(request -> request.queryParameters.filter = "createdDateTime ge " + since);
        MailboxRestoreArtifactCollectionResponse added = sessions.byExchangeRestoreSessionId(created)
                .mailboxRestoreArtifacts()
                .get(request -> request.queryParameters.filter = "status eq 'added'");
        MailboxRestoreArtifactCollectionResponse others = sessions.byExchangeRestoreSessionId(created)
                .mailboxRestoreArtifacts()
                .get(request -> request.queryParameters.filter = "status ne 'added'");

        assertThat(drafts.getValue()).singleElement().isInstanceOf(ExchangeRestoreSession.class)
                .satisfies(session -> assertThat(session.getId()).isEqualTo(created));
        assertThat(added.getValue()).singleElement()
                .satisfies(artifact -> assertThat(artifact.getStatus()).isEqualTo(ArtifactRestoreStatus.Added));
        assertThat(others.getValue()).isEmpty();
    }

    @Test
    void an_unknown_restore_point_and_an_unsupported_option_are_odata_errors_with_graph_codes() {
        ODataError missing = catchThrowableOfType(ODataError.class, () -> graph.solutions().backupRestore()
                .restorePoints().byRestorePointId("rp-never-taken-" + UUID.randomUUID()).get());
        ODataError unsupported = catchThrowableOfType(ODataError.class, () -> sessions.get(
                request -> request.queryParameters.search = "mailbox"));

        assertThat(missing.getResponseStatusCode()).isEqualTo(404);
        assertThat(missing.getError().getCode()).isEqualTo("itemNotFound");
        assertThat(unsupported.getResponseStatusCode()).isEqualTo(400);
        assertThat(unsupported.getError().getMessage()).contains("'$search'");
    }

    private String createSession() {
        RestorePoint restorePoint = new RestorePoint();
        restorePoint.setId(catalog.restorePoint("rp-sdk-contract-" + UUID.randomUUID()));
        MailboxRestoreArtifact artifact = new MailboxRestoreArtifact();
        artifact.setRestorePoint(restorePoint);
        artifact.setDestinationType(DestinationType.New);
        ExchangeRestoreSession session = new ExchangeRestoreSession();
        session.setMailboxRestoreArtifacts(List.of(artifact));
        return sessions.post(session).getId();
    }
}
