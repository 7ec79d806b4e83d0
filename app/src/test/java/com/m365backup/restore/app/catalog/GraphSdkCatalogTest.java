package com.m365backup.restore.app.catalog;

import com.m365backup.restore.app.GraphSdk;
import com.m365backup.restore.app.IntegrationTest;
import com.microsoft.graph.beta.models.MailboxProtectionUnit;
import com.microsoft.graph.beta.models.MailboxProtectionUnitCollectionResponse;
import com.microsoft.graph.beta.models.ProtectionUnitBase;
import com.microsoft.graph.beta.models.ProtectionUnitBaseCollectionResponse;
import com.microsoft.graph.beta.models.ProtectionUnitStatus;
import com.microsoft.graph.beta.models.RestorePoint;
import com.microsoft.graph.beta.models.RestorePointCollectionResponse;
import com.microsoft.graph.beta.models.RestorePointTags;
import com.microsoft.graph.beta.models.odataerrors.ODataError;
import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.graph.beta.solutions.backuprestore.BackupRestoreRequestBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.OffsetDateTime;
import java.util.EnumSet;

import static com.m365backup.restore.app.catalog.CatalogHttp.restorePoint;
import static com.m365backup.restore.app.catalog.CatalogHttp.unit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The official Graph beta Java SDK finds a mailbox and its restore points knowing no id, through the request
 * builders it offers for them, and parses each answer into its own models.
 */
@IntegrationTest
class GraphSdkCatalogTest extends TenantOfItsOwnTest {

    private static final OffsetDateTime JANUARY = OffsetDateTime.parse("2026-01-05T08:00:00Z");

    private BackupRestoreRequestBuilder backupRestore;

    @BeforeEach
    void aTenantWithTwoMailboxes() {
        catalog.load(
                unit("unit-adele", "Adele Vance", "AdeleV@contoso.com", JANUARY,
                        restorePoint("rp-adele-1", "2026-02-01T02:00:00Z"),
                        restorePoint("rp-adele-2", "2026-03-01T02:00:00Z"),
                        restorePoint("rp-adele-3", "2026-04-01T02:00:00Z")),
                unit("unit-alex", "Alex Wilber", "AlexW@contoso.com", JANUARY.plusDays(1),
                        restorePoint("rp-alex-1", "2026-03-15T02:00:00Z")));
        GraphServiceClient graph = GraphSdk.clientFor(port, reader());
        backupRestore = graph.solutions().backupRestore();
    }

    @Test
    void the_polymorphic_list_parses_each_unit_as_a_mailbox_protection_unit() {
        ProtectionUnitBaseCollectionResponse units = backupRestore.protectionUnits()
                .get(request -> request.queryParameters.count = true);

        assertThat(units.getOdataCount()).isEqualTo(2);
        assertThat(units.getValue()).hasSize(2).allSatisfy(unit -> {
            assertThat(unit).isInstanceOf(MailboxProtectionUnit.class);
            assertThat(unit.getStatus()).isEqualTo(ProtectionUnitStatus.Protected);
            assertThat(unit.getPolicyId()).isNull();
        });
        MailboxProtectionUnit adele = (MailboxProtectionUnit) units.getValue().get(0);
        assertThat(adele.getId()).isEqualTo("unit-adele");
        assertThat(adele.getEmail()).isEqualTo("AdeleV@contoso.com");
        assertThat(adele.getDisplayName()).isEqualTo("Adele Vance");
        assertThat(adele.getDirectoryObjectId()).isEqualTo("directory-unit-adele");
        assertThat(adele.getCreatedDateTime()).isEqualTo(JANUARY);
    }

    @Test
    void a_filter_on_the_email_finds_the_mailbox_and_its_id_lists_its_restore_points() {
        MailboxProtectionUnitCollectionResponse found = backupRestore.mailboxProtectionUnits()
                .get(request -> request.queryParameters.filter = "email eq 'adelev@contoso.com'");
        String unitId = found.getValue().get(0).getId();

        RestorePointCollectionResponse restorePoints = backupRestore.restorePoints().get(request -> {
            request.queryParameters.expand = new String[]{"protectionUnit($filter=id eq '" + unitId + "')"};
            request.queryParameters.filter = "protectionDateTime lt 2026-04-01T00:00:00Z";
        });

        assertThat(found.getValue()).singleElement().satisfies(unit -> assertThat(unit.getId()).isEqualTo("unit-adele"));
        assertThat(restorePoints.getValue()).extracting(RestorePoint::getId).containsExactly("rp-adele-2", "rp-adele-1");
        RestorePoint newest = restorePoints.getValue().get(0);
        assertThat(newest.getProtectionDateTime()).isEqualTo(OffsetDateTime.parse("2026-03-01T02:00:00Z"));
        assertThat(newest.getTags()).isEqualTo(EnumSet.of(RestorePointTags.None));
        assertThat(newest.getProtectionUnit()).isInstanceOf(MailboxProtectionUnit.class);
        assertThat(((MailboxProtectionUnit) newest.getProtectionUnit()).getEmail()).isEqualTo("AdeleV@contoso.com");
    }

    @Test
    void a_unit_reads_by_id_through_each_request_builder() {
        ProtectionUnitBase base = backupRestore.protectionUnits().byProtectionUnitBaseId("unit-alex").get();
        MailboxProtectionUnit cast = backupRestore.protectionUnits().byProtectionUnitBaseId("unit-alex")
                .graphMailboxProtectionUnit().get();
        MailboxProtectionUnit mailbox = backupRestore.mailboxProtectionUnits().byMailboxProtectionUnitId("unit-alex")
                .get(request -> request.queryParameters.select = new String[]{"email"});

        assertThat(base).isInstanceOf(MailboxProtectionUnit.class);
        assertThat(((MailboxProtectionUnit) base).getDisplayName()).isEqualTo("Alex Wilber");
        assertThat(cast.getEmail()).isEqualTo("AlexW@contoso.com");
        assertThat(mailbox.getEmail()).isEqualTo("AlexW@contoso.com");
        assertThat(mailbox.getDisplayName()).isNull();
    }

    @Test
    void the_mailbox_cast_of_the_units_and_the_counts_read_as_the_sdk_expects() {
        MailboxProtectionUnitCollectionResponse mailboxes = backupRestore.protectionUnits()
                .graphMailboxProtectionUnit()
                .get(request -> request.queryParameters.filter = "startswith(displayName,'Al')");
        Integer all = backupRestore.protectionUnits().count().get();
        Integer named = backupRestore.mailboxProtectionUnits().count()
                .get(request -> request.queryParameters.filter = "displayName eq 'Adele Vance'");

        assertThat(mailboxes.getValue()).extracting(MailboxProtectionUnit::getId).containsExactly("unit-alex");
        assertThat(all).isEqualTo(2);
        assertThat(named).isEqualTo(1);
    }

    @Test
    void an_unknown_unit_and_a_list_without_a_unit_are_odata_errors_the_sdk_understands() {
        ODataError missing = catchThrowableOfType(ODataError.class,
                () -> backupRestore.mailboxProtectionUnits().byMailboxProtectionUnitId("unit-unknown").get());
        ODataError unnamed = catchThrowableOfType(ODataError.class, () -> backupRestore.restorePoints().get());

        assertThat(missing.getResponseStatusCode()).isEqualTo(404);
        assertThat(missing.getError().getCode()).isEqualTo("itemNotFound");
        assertThat(unnamed.getResponseStatusCode()).isEqualTo(400);
        assertThat(unnamed.getError().getCode()).isEqualTo("BadRequest");
        assertThat(unnamed.getError().getMessage()).contains("$expand=protectionUnit($filter=id eq");
    }
}
