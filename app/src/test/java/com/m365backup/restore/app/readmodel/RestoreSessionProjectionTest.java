package com.m365backup.restore.app.readmodel;

import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.query.ArtifactCount;
import com.m365backup.restore.domain.query.ArtifactList;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.domain.query.BulkAdditionRequestList;
import com.m365backup.restore.domain.query.BulkAdditionRequestView;
import com.m365backup.restore.domain.query.FindRestoreSession;
import com.m365backup.restore.domain.query.ListBulkAdditionRequests;
import com.m365backup.restore.domain.query.ListMailboxArtifacts;
import com.m365backup.restore.domain.query.ListRestoreSessions;
import com.m365backup.restore.domain.query.MailboxRestoreArtifactView;
import com.m365backup.restore.domain.query.PublicError;
import com.m365backup.restore.domain.query.PublicErrorDetail;
import com.m365backup.restore.domain.query.RestorePointReference;
import com.m365backup.restore.domain.query.RestoreSessionPage;
import com.m365backup.restore.domain.query.RestoreSessionView;
import com.m365backup.restore.domain.session.ActivateRestoreSession;
import com.m365backup.restore.domain.session.AddMailboxArtifact;
import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.BulkResolution;
import com.m365backup.restore.domain.session.CreateBulkAdditionRequest;
import com.m365backup.restore.domain.session.CreateRestoreSession;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.GranularSearch;
import com.m365backup.restore.domain.session.MessageCondition;
import com.m365backup.restore.domain.session.MessageProperty;
import com.m365backup.restore.domain.session.NewGranularArtifact;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import com.m365backup.restore.domain.session.RemovalReason;
import com.m365backup.restore.domain.session.RemoveMailboxArtifact;
import com.m365backup.restore.domain.session.RestorePointPreference;
import com.m365backup.restore.domain.session.RetireRestoreSession;
import com.m365backup.restore.domain.session.TenantRestoreLoad;
import com.m365backup.restore.domain.session.UnresolvedMailbox;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.AnnotationEventHandlerAdapter;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.responsetypes.ResponseTypes;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Array;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The projection on the real application and PostgreSQL: commands go through the aggregate, the events through the
 * pooled streaming processor, and what the read model shows is asked of the query handlers.
 */
@IntegrationTest
class RestoreSessionProjectionTest {

    private static final String PROJECTION = "restore-session-projection";
    private static final Instant CREATED = Instant.parse("2026-03-30T12:01:03.450Z");
    private static final Instant CHANGED = Instant.parse("2026-03-30T12:05:00.125Z");
    private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00Z");
    private static final Map<String, String> MEGAN = Map.of(
            CallerMetaData.USER_ID, "u-megan", CallerMetaData.USER_NAME, "Megan Bowen");
    private static final Map<String, String> BACKUP_APP = Map.of(
            CallerMetaData.APPLICATION_ID, "app-backup", CallerMetaData.APPLICATION_NAME, "Contoso Backup");

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    @Autowired
    EventStore eventStore;

    @Autowired
    ApplicationContext context;

    @Autowired
    EventProcessingConfiguration processing;

    @Autowired
    JdbcTemplate jdbc;

    private final String tenant = UUID.randomUUID().toString();

    @Test
    void a_created_session_shows_as_a_draft_with_its_artifacts_in_the_order_they_were_added() {
        NewMailboxArtifact first = artifact("rp-1", "mailbox-1");
        NewMailboxArtifact second = artifact("rp-2", "mailbox-2");
        String session = create(MEGAN, CREATED, first, second);

        assertThat(shown(session, 2)).isTrue();
        assertThat(find(session, true)).contains(new RestoreSessionView(session, tenant, 2, "draft",
                IdentitySet.ofUser("u-megan", "Megan Bowen"), utc(CREATED),
                IdentitySet.ofUser("u-megan", "Megan Bowen"), utc(CREATED),
                null, null, "standard", new ArtifactCount(2, 0, 0, 0),
                List.of(view(session, first, CREATED), view(session, second, CREATED))));
    }

    @Test
    void every_change_moves_the_last_modification_and_the_count_and_a_removed_artifact_is_gone() {
        NewMailboxArtifact first = artifact("rp-1", "mailbox-1");
        NewMailboxArtifact second = artifact("rp-2", "mailbox-2");
        String session = create(MEGAN, CREATED, first, second);
        remove(session, first.artifactId());
        NewMailboxArtifact third = artifact("rp-3", "mailbox-3");
        long version = add(session, third);

        assertThat(version).isEqualTo(4);
        assertThat(shown(session, version)).isTrue();
        assertThat(find(session, true)).contains(new RestoreSessionView(session, tenant, 4, "draft",
                IdentitySet.ofUser("u-megan", "Megan Bowen"), utc(CREATED),
                IdentitySet.ofApplication("app-backup", "Contoso Backup"), utc(CHANGED),
                null, null, "standard", new ArtifactCount(2, 0, 0, 0),
                List.of(view(session, second, CREATED), view(session, third, CHANGED))));
    }

    @Test
    void a_session_created_without_a_named_caller_has_no_author() {
        String session = create(Map.of(), CREATED);

        assertThat(shown(session, 0)).isTrue();
        assertThat(find(session, false)).get().satisfies(view -> {
            assertThat(view.createdBy()).isNull();
            assertThat(view.lastModifiedBy()).isNull();
            assertThat(view.restoreSessionArtifactCount()).isEqualTo(new ArtifactCount(0, 0, 0, 0));
            assertThat(view.mailboxRestoreArtifacts()).isNull();
        });
    }

    @Test
    void another_tenant_learns_nothing_of_a_session() {
        String session = create(MEGAN, CREATED, artifact("rp-1", "mailbox-1"));
        assertThat(shown(session, 1)).isTrue();
        String otherTenant = UUID.randomUUID().toString();

        assertThat(queries.query(new FindRestoreSession(otherTenant, session, true),
                ResponseTypes.optionalInstanceOf(RestoreSessionView.class)).join()).isEmpty();
        assertThat(queries.query(new ListMailboxArtifacts(otherTenant, session), ArtifactList.class).join())
                .isEqualTo(new ArtifactList(false, List.of()));
        assertThat(queries.query(new ListRestoreSessions(otherTenant, 0, 100, false), RestoreSessionPage.class)
                .join()).isEqualTo(new RestoreSessionPage(List.of(), 0));
    }

    @Test
    void a_tenants_sessions_list_oldest_first_a_page_at_a_time() {
        String middle = create(MEGAN, CREATED.plusSeconds(60), artifact("rp-m", "mailbox-m"));
        String oldest = create(MEGAN, CREATED);
        String newest = create(MEGAN, CREATED.plusSeconds(120));
        assertThat(shown(middle, 1) && shown(oldest, 0) && shown(newest, 0)).isTrue();

        RestoreSessionPage all = list(0, 100, false);
        RestoreSessionPage second = list(1, 1, true);

        assertThat(all.total()).isEqualTo(3);
        assertThat(all.sessions()).extracting(RestoreSessionView::id).containsExactly(oldest, middle, newest);
        assertThat(second.total()).isEqualTo(3);
        assertThat(second.sessions()).singleElement().satisfies(view -> {
            assertThat(view.id()).isEqualTo(middle);
            assertThat(view.mailboxRestoreArtifacts()).extracting(artifact -> artifact.restorePoint().id())
                    .containsExactly("rp-m");
        });
    }

    @Test
    void the_artifacts_of_a_session_list_in_the_order_they_were_added() {
        NewMailboxArtifact first = artifact("rp-b", "mailbox-b");
        NewMailboxArtifact second = artifact("rp-a", "mailbox-a");
        String session = create(MEGAN, CREATED, first);
        long version = add(session, second);

        assertThat(shown(session, version)).isTrue();
        assertThat(queries.query(new ListMailboxArtifacts(tenant, session), ArtifactList.class).join())
                .isEqualTo(new ArtifactList(true, List.of(view(session, first, CREATED),
                        view(session, second, CHANGED))));
    }

    @Test
    void events_delivered_again_change_nothing() throws Exception {
        NewMailboxArtifact first = artifact("rp-1", "mailbox-1");
        String session = create(MEGAN, CREATED, first, artifact("rp-2", "mailbox-2"));
        long version = remove(session, first.artifactId());
        assertThat(shown(session, version)).isTrue();
        Optional<RestoreSessionView> before = find(session, true);

        // As after a claim stolen by another node: the same events reach the projection's handlers once more.
        AnnotationEventHandlerAdapter projection =
                new AnnotationEventHandlerAdapter(context.getBean("restoreSessionProjection"));
        for (EventMessage<?> event : eventStore.readEvents(session, 0).asStream().toList()) {
            projection.handle(event);
        }

        assertThat(find(session, true)).isEqualTo(before);
    }

    @Test
    void replaying_every_event_rebuilds_the_same_read_model() {
        NewMailboxArtifact first = artifact("rp-1", "mailbox-1");
        String changed = create(MEGAN, CREATED, first, artifact("rp-2", "mailbox-2"));
        remove(changed, first.artifactId());
        long version = add(changed, artifact("rp-3", "mailbox-3"));
        String plain = create(Map.of(), CREATED.plusSeconds(1));
        assertThat(shown(changed, version) && shown(plain, 0)).isTrue();
        RestoreSessionPage before = list(0, 100, true);
        StreamingEventProcessor processor = processing
                .eventProcessor(PROJECTION, StreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        try {
            processor.resetTokens();
            assertThat(find(changed, false)).as("emptied by the reset handler").isEmpty();
        } finally {
            processor.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> assertThat(list(0, 100, true)).isEqualTo(before));
    }

    @Test
    void a_bulk_request_shows_active_then_resolved_with_the_mailboxes_it_could_not_resolve() {
        String session = create(MEGAN, CREATED);
        String requestId = requestBulk(session);
        assertThat(shown(session, 1)).isTrue();
        BulkAdditionRequestView active = bulkRequests(session, true).get(0);
        NewMailboxArtifact adele = artifact("rp-adele", "mailbox-adele");
        UnresolvedMailbox nobody = new UnresolvedMailbox("nobody@contoso.com", UnresolvedMailbox.NO_SUCH_MAILBOX,
                "The tenant has no mailbox with the email address 'nobody@contoso.com'.");

        long version = activate(session, new BulkResolution(requestId, List.of(adele), List.of(nobody)));

        assertThat(shown(session, version)).isTrue();
        assertThat(active.status()).isEqualTo("active");
        assertThat(active.mailboxes()).containsExactly("adele@contoso.com", "nobody@contoso.com");
        assertThat(active.createdBy()).isEqualTo(IdentitySet.ofUser("u-megan", "Megan Bowen"));
        BulkAdditionRequestView resolved = bulkRequests(session, false).get(0);
        assertThat(resolved.status()).isEqualTo("completedWithErrors");
        assertThat(resolved.mailboxes()).isNull();
        assertThat(resolved.error()).isEqualTo(new PublicError("BulkRestoreMailboxesNotResolved",
                "1 of the request's 2 mailboxes could not be resolved to a restore point; each is named in the"
                        + " details.", null, List.of(new PublicErrorDetail(nobody.code(), nobody.message(),
                "nobody@contoso.com"))));
        assertThat(resolved.lastModifiedBy()).isEqualTo(IdentitySet.ofApplication("app-backup", "Contoso Backup"));
        assertThat(find(session, true)).get().satisfies(view -> {
            assertThat(view.restoreJobType()).isEqualTo("bulk");
            assertThat(view.restoreSessionArtifactCount().total()).isEqualTo(1);
            assertThat(view.mailboxRestoreArtifacts()).extracting(artifact -> artifact.restorePoint().id())
                    .containsExactly("rp-adele");
        });
    }

    @Test
    void a_granular_sessions_artifacts_are_listed_as_granular_ones_with_their_search() {
        NewMailboxArtifact artifact = artifact("rp-g", "mailbox-g");
        String session = createGranular(artifact, "search-1");
        assertThat(shown(session, 1)).isTrue();

        assertThat(queries.query(new ListMailboxArtifacts(tenant, session, true), ArtifactList.class).join()
                .artifacts()).singleElement().satisfies(view -> {
                    assertThat(view.searchResponseId()).isEqualTo("search-1");
                    assertThat(view.odataType()).isEqualTo("#microsoft.graph.granularMailboxRestoreArtifact");
                });
        assertThat(queries.query(new ListMailboxArtifacts(tenant, session), ArtifactList.class).join().artifacts())
                .isEmpty();
        assertThat(find(session, true)).get().satisfies(view -> {
            assertThat(view.restoreJobType()).isEqualTo("granular");
            assertThat(view.mailboxRestoreArtifacts()).isNull();
            assertThat(view.granularMailboxRestoreArtifacts()).hasSize(1);
        });
    }

    @Test
    void a_retired_session_is_gone_from_the_read_model() {
        String session = endedSession();
        long version = retire(session);

        await().atMost(Duration.ofSeconds(30)).until(() -> find(session, false).isEmpty());
        assertThat(version).isPositive();
        assertThat(queries.query(new ListMailboxArtifacts(tenant, session), ArtifactList.class).join().sessionFound())
                .isFalse();
    }

    @Test
    void replaying_every_event_rebuilds_bulk_requests_granular_artifacts_and_retirements_row_for_row() {
        String bulk = create(MEGAN, CREATED);
        String requestId = requestBulk(bulk);
        UnresolvedMailbox nobody = new UnresolvedMailbox("nobody@contoso.com", UnresolvedMailbox.NO_SUCH_MAILBOX,
                "No such mailbox.");
        activate(bulk, new BulkResolution(requestId, List.of(artifact("rp-b", "mailbox-b-" + UUID.randomUUID())),
                List.of(nobody)));
        String granular = createGranular(artifact("rp-g", "mailbox-g"), "search-2");
        String retired = endedSession();
        retire(retired);
        await().atMost(Duration.ofSeconds(30)).until(() -> find(bulk, false).map(RestoreSessionView::status)
                .filter(status -> status.equals("completed")).isPresent() && find(retired, false).isEmpty()
                && find(granular, false).isPresent());
        Map<String, List<Map<String, Object>>> before = rowsOf(List.of(bulk, granular, retired));
        StreamingEventProcessor processor = processing
                .eventProcessor(PROJECTION, StreamingEventProcessor.class).orElseThrow();

        processor.shutDown();
        try {
            processor.resetTokens();
        } finally {
            processor.start();
        }

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(rowsOf(List.of(bulk, granular, retired))).isEqualTo(before));
        assertThat(before.get("bulk_addition_request")).hasSize(1);
        assertThat(before.get("mailbox_restore_artifact")).hasSize(2);
        assertThat(before.get("restore_session")).hasSize(2);
    }

    /** The rows of these sessions in each table of the read model, arrays as lists (the driver's compare as refs). */
    private Map<String, List<Map<String, Object>>> rowsOf(List<String> sessions) {
        Map<String, List<Map<String, Object>>> rows = new HashMap<>();
        Object ids = sessions.toArray(String[]::new);
        rows.put("restore_session", comparable(jdbc.queryForList(
                "select * from restore_session where id = any (?) order by id", ids)));
        for (String table : List.of("mailbox_restore_artifact", "bulk_addition_request")) {
            rows.put(table, comparable(jdbc.queryForList("select * from " + table + " where session_id = any (?)"
                    + " order by session_id, id", ids)));
        }
        return rows;
    }

    private static List<Map<String, Object>> comparable(List<Map<String, Object>> rows) {
        return rows.stream().map(row -> {
            Map<String, Object> values = new HashMap<>();
            row.forEach((column, value) -> {
                try {
                    values.put(column, value instanceof Array array
                            ? List.of((Object[]) array.getArray()) : value);
                } catch (SQLException unreadable) {
                    throw new IllegalStateException(unreadable);
                }
            });
            return values;
        }).toList();
    }

    private String requestBulk(String session) {
        String requestId = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateBulkAdditionRequest(session, tenant,
                requestId, "Sales", List.of("adele@contoso.com", "nobody@contoso.com"), List.of(),
                CREATED.minusSeconds(86_400), CREATED, DestinationType.IN_PLACE, RestorePointPreference.LATEST, null, CREATED))
                .andMetaData(caller(MEGAN)));
        return requestId;
    }

    private long activate(String session, BulkResolution resolution) {
        Long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(new ActivateRestoreSession(
                session, tenant, new TenantRestoreLoad(0, 25, 0, 1000), resolution, CHANGED, null))
                .andMetaData(caller(BACKUP_APP)));
        return version;
    }

    private String createGranular(NewMailboxArtifact artifact, String searchResponseId) {
        String session = UUID.randomUUID().toString();
        ArtifactQuery query = new ArtifactQuery("subject:invoice",
                List.of(MessageCondition.of(MessageProperty.SUBJECT, "invoice")));
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateRestoreSession(session, tenant,
                List.of(), List.of(new NewGranularArtifact(artifact, searchResponseId, new GranularSearch(
                        searchResponseId, artifact.mailboxId(), List.of(artifact.restorePointId()), query,
                        EXPIRES))), CREATED)).andMetaData(caller(MEGAN)));
        return session;
    }

    /** A session of one artifact, activated and run by the engine to its end. */
    private String endedSession() {
        String session = create(MEGAN, CREATED, artifact("rp-e", "mailbox-e-" + UUID.randomUUID()));
        activate(session, null);
        await().atMost(Duration.ofSeconds(30)).until(() -> find(session, false).map(RestoreSessionView::status)
                .filter(status -> status.equals("completed")).isPresent());
        return session;
    }

    /** Retired at once: a retention of nothing, asked now. */
    private long retire(String session) {
        commands.sendAndWait(new RetireRestoreSession(session, Duration.ZERO, Instant.now()));
        return eventStore.lastSequenceNumberFor(session).orElseThrow();
    }

    private List<BulkAdditionRequestView> bulkRequests(String session, boolean withMailboxes) {
        return queries.query(new ListBulkAdditionRequests(tenant, session, withMailboxes),
                BulkAdditionRequestList.class).join().requests();
    }

    private String create(Map<String, String> who, Instant at, NewMailboxArtifact... artifacts) {
        String session = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new CreateRestoreSession(session, tenant, List.of(artifacts), at)).andMetaData(caller(who)));
        return session;
    }

    private long add(String session, NewMailboxArtifact artifact) {
        Long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new AddMailboxArtifact(session, tenant, artifact, CHANGED)).andMetaData(caller(BACKUP_APP)));
        return version;
    }

    private long remove(String session, String artifactId) {
        Long version = commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                new RemoveMailboxArtifact(session, tenant, artifactId, RemovalReason.CHANGED, CHANGED))
                .andMetaData(caller(BACKUP_APP)));
        return version;
    }

    private Map<String, String> caller(Map<String, String> who) {
        Map<String, String> metaData = new HashMap<>(who);
        metaData.put(CallerMetaData.TENANT_ID, tenant);
        return metaData;
    }

    private boolean shown(String session, long version) {
        return queries.query(new AwaitRestoreSessionVersion(session, version), Boolean.class).join();
    }

    private Optional<RestoreSessionView> find(String session, boolean withArtifacts) {
        return queries.query(new FindRestoreSession(tenant, session, withArtifacts),
                ResponseTypes.optionalInstanceOf(RestoreSessionView.class)).join();
    }

    private RestoreSessionPage list(int skip, int top, boolean withArtifacts) {
        return queries.query(new ListRestoreSessions(tenant, skip, top, withArtifacts), RestoreSessionPage.class)
                .join();
    }

    private static NewMailboxArtifact artifact(String restorePointId, String mailboxId) {
        return new NewMailboxArtifact(UUID.randomUUID().toString(), restorePointId, mailboxId, EXPIRES,
                DestinationType.IN_PLACE);
    }

    private static MailboxRestoreArtifactView view(String session, NewMailboxArtifact artifact, Instant added) {
        return new MailboxRestoreArtifactView(artifact.artifactId(), session,
                new RestorePointReference(artifact.restorePointId(), null, utc(EXPIRES)), "inPlace", "added",
                utc(added), null, null, null, null, null, null);
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
