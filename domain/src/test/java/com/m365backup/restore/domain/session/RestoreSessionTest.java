package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.ConflictingAggregateVersionException;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.m365backup.restore.domain.session.DestinationType.IN_PLACE;
import static com.m365backup.restore.domain.session.DestinationType.NEW;
import static com.m365backup.restore.domain.session.RemovalReason.CHANGED;
import static org.hamcrest.Matchers.equalTo;

class RestoreSessionTest {

    private static final String SESSION = "5d3b6a2e-0f4a-4c51-9a59-0d1b3b7f1c11";
    private static final String TENANT = "tenant-a";
    private static final String OTHER_TENANT = "tenant-b";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-28T10:05:00Z");

    private static final TenantRestoreLoad ROOM = new TenantRestoreLoad(0, 25, 0, 1000);
    private static final String BULK = "bulk-1";
    private static final String SEARCH = "search-1";
    private static final Instant WINDOW_START = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant WINDOW_END = Instant.parse("2026-11-01T00:00:00Z");
    private static final ArtifactQuery INVOICES = new ArtifactQuery("subject:invoice",
            List.of(MessageCondition.of(MessageProperty.SUBJECT, "invoice")));
    private static final Duration RETENTION = Duration.ofDays(365);

    private FixtureConfiguration<RestoreSession> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(RestoreSession.class);
    }

    @Test
    void creating_a_session_without_artifacts_makes_an_empty_draft() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(), NOW))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RestoreSessionCreated(SESSION, TENANT, NOW));
    }

    @Test
    void creating_a_session_with_artifacts_adds_each_of_them_in_order() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT,
                       List.of(artifact("a-1", "rp-1", IN_PLACE), artifact("a-2", "rp-2", IN_PLACE)), NOW))
               .expectEvents(new RestoreSessionCreated(SESSION, TENANT, NOW),
                       added("a-1", "rp-1", IN_PLACE, NOW),
                       added("a-2", "rp-2", IN_PLACE, NOW));
    }

    @Test
    void creating_a_session_with_two_destination_types_is_refused_whole() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT,
                       List.of(artifact("a-1", "rp-1", IN_PLACE), artifact("a-2", "rp-2", NEW)), NOW))
               .expectException(rejected(Rejection.DIFFERENT_DESTINATION_TYPE))
               .expectNoEvents();
    }

    @Test
    void creating_a_session_with_the_same_mailbox_twice_is_refused_whole() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT,
                       List.of(artifact("a-1", "rp-1", IN_PLACE), artifact("a-2", "rp-1", IN_PLACE)), NOW))
               .expectException(rejected(Rejection.MAILBOX_ALREADY_IN_SESSION))
               .expectNoEvents();
    }

    @Test
    void creating_a_session_with_an_expired_restore_point_is_refused_whole() {
        NewMailboxArtifact expired = new NewMailboxArtifact("a-1", "rp-1", "mbx-1", NOW.minusSeconds(1), IN_PLACE);
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(expired), NOW))
               .expectException(rejected(Rejection.RESTORE_POINT_EXPIRED))
               .expectNoEvents();
    }

    @Test
    void creating_a_session_with_a_restore_point_the_catalog_does_not_hold_is_refused_whole() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(artifact("a-1", "rp-1", IN_PLACE),
                       NewMailboxArtifact.uncatalogued("a-2", "rp-gone", IN_PLACE)), NOW))
               .expectException(rejected(Rejection.UNKNOWN_RESTORE_POINT))
               .expectNoEvents();
    }

    @Test
    void a_restore_point_the_catalog_does_not_hold_refuses_a_create_before_the_other_artifacts_faults() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(artifact("a-1", "rp-1", IN_PLACE),
                       artifact("a-2", "rp-1", IN_PLACE), artifact("a-3", "rp-3", NEW),
                       NewMailboxArtifact.uncatalogued("a-4", "rp-gone", IN_PLACE)), NOW))
               .expectException(rejected(Rejection.UNKNOWN_RESTORE_POINT))
               .expectExceptionMessage("Restore point 'rp-gone' does not exist.")
               .expectNoEvents();
    }

    @Test
    void adding_an_artifact_to_a_draft_session_records_it() {
        fixture.given(created())
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-1", "rp-1", IN_PLACE), LATER))
               .expectSuccessfulHandlerExecution()
               .expectEvents(added("a-1", "rp-1", IN_PLACE, LATER));
    }

    @Test
    void adding_an_artifact_answers_the_version_of_the_session_after_it() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", IN_PLACE), LATER))
               .expectResultMessagePayload(2L);
    }

    @Test
    void adding_a_mailbox_that_is_already_in_the_session_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new AddMailboxArtifact(SESSION, TENANT,
                       new NewMailboxArtifact("a-2", "rp-1b", "rp-1", null, IN_PLACE), LATER))
               .expectException(rejected(Rejection.MAILBOX_ALREADY_IN_SESSION))
               .expectNoEvents();
    }

    @Test
    void adding_another_destination_type_than_the_sessions_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", NEW), LATER))
               .expectException(rejected(Rejection.DIFFERENT_DESTINATION_TYPE))
               .expectNoEvents();
    }

    @Test
    void a_session_whose_artifacts_were_all_removed_accepts_any_destination_type_again() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), removed("a-1"))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", NEW), LATER))
               .expectEvents(added("a-2", "rp-2", NEW, LATER));
    }

    @Test
    void adding_an_expired_restore_point_is_rejected() {
        NewMailboxArtifact expired = new NewMailboxArtifact("a-1", "rp-1", "mbx-1", LATER, IN_PLACE);
        fixture.given(created())
               .when(new AddMailboxArtifact(SESSION, TENANT, expired, LATER))
               .expectException(rejected(Rejection.RESTORE_POINT_EXPIRED))
               .expectNoEvents();
    }

    @Test
    void adding_a_restore_point_the_catalog_does_not_hold_is_rejected() {
        fixture.given(created())
               .when(new AddMailboxArtifact(SESSION, TENANT,
                       NewMailboxArtifact.uncatalogued("a-1", "rp-gone", IN_PLACE), LATER))
               .expectException(rejected(Rejection.UNKNOWN_RESTORE_POINT))
               .expectNoEvents();
    }

    @Test
    void adding_a_restore_point_the_catalog_does_not_hold_to_an_activated_session_is_rejected_as_not_a_draft() {
        fixture.given(history(activatedWith("a-1")))
               .when(new AddMailboxArtifact(SESSION, TENANT,
                       NewMailboxArtifact.uncatalogued("a-2", "rp-gone", IN_PLACE), LATER))
               .expectException(rejected(Rejection.SESSION_NOT_IN_DRAFT))
               .expectNoEvents();
    }

    @Test
    void adding_an_expired_restore_point_to_an_activated_session_is_rejected_as_not_a_draft() {
        NewMailboxArtifact expired = new NewMailboxArtifact("a-2", "rp-2", "mbx-2", NOW, IN_PLACE);
        fixture.given(history(activatedWith("a-1")))
               .when(new AddMailboxArtifact(SESSION, TENANT, expired, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_IN_DRAFT))
               .expectNoEvents();
    }

    @Test
    void adding_to_a_session_that_holds_as_many_artifacts_as_it_may_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), added("a-2", "rp-2", IN_PLACE, NOW))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-3", "rp-3", IN_PLACE), LATER, 2))
               .expectException(rejected(Rejection.ARTIFACT_LIMIT_REACHED))
               .expectNoEvents();
    }

    @Test
    void adding_the_last_artifact_a_session_may_hold_is_accepted() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", IN_PLACE), LATER, 2))
               .expectSuccessfulHandlerExecution()
               .expectEvents(added("a-2", "rp-2", IN_PLACE, LATER));
    }

    @Test
    void adding_to_another_tenants_session_is_answered_as_not_found() {
        fixture.given(created())
               .when(new AddMailboxArtifact(SESSION, OTHER_TENANT, artifact("a-1", "rp-1", IN_PLACE), LATER))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void removing_an_artifact_of_the_session_records_it() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new RemoveMailboxArtifact(SESSION, TENANT, "a-1", CHANGED, LATER))
               .expectSuccessfulHandlerExecution()
               .expectEvents(removed("a-1"))
               .expectResultMessagePayload(2L);
    }

    @Test
    void removing_an_artifact_that_is_not_in_the_session_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new RemoveMailboxArtifact(SESSION, TENANT, "a-2", CHANGED, LATER))
               .expectException(rejected(Rejection.UNKNOWN_ARTIFACT))
               .expectExceptionMessage("The identifier to be removed from the Restore Session does not exist")
               .expectNoEvents();
    }

    @Test
    void removing_an_artifact_that_was_already_removed_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), removed("a-1"))
               .when(new RemoveMailboxArtifact(SESSION, TENANT, "a-1", CHANGED, LATER))
               .expectException(rejected(Rejection.UNKNOWN_ARTIFACT))
               .expectNoEvents();
    }

    @Test
    void a_removed_mailbox_can_be_added_again() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), removed("a-1"))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-1", IN_PLACE), LATER))
               .expectEvents(added("a-2", "rp-1", IN_PLACE, LATER));
    }

    @Test
    void removing_from_another_tenants_session_is_answered_as_not_found() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new RemoveMailboxArtifact(SESSION, OTHER_TENANT, "a-1", CHANGED, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void activating_a_draft_with_artifacts_makes_it_activating_and_puts_each_artifact_into_scheduling() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), added("a-2", "rp-2", IN_PLACE, NOW))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, LATER))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RestoreSessionActivated(SESSION, TENANT, LATER),
                       new ArtifactRestoreScheduling(SESSION, TENANT, "a-1", "rp-1", LATER),
                       new ArtifactRestoreScheduling(SESSION, TENANT, "a-2", "rp-2", LATER))
               .expectResultMessagePayload(5L);
    }

    @Test
    void activating_a_session_without_artifacts_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), removed("a-1"))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, LATER))
               .expectException(rejected(Rejection.NO_ARTIFACTS))
               .expectNoEvents();
    }

    @Test
    void activating_a_session_that_is_not_a_draft_is_rejected() {
        fixture.given(history(activatedWith("a-1")))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_IN_DRAFT))
               .expectNoEvents();
    }

    @Test
    void activating_when_the_tenant_has_its_maximum_of_active_sessions_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new ActivateRestoreSession(SESSION, TENANT, new TenantRestoreLoad(25, 25, 0, 1000), LATER))
               .expectException(rejected(Rejection.TOO_MANY_ACTIVE_SESSIONS))
               .expectNoEvents();
    }

    @Test
    void activating_beyond_the_tenants_maximum_of_mailboxes_in_restore_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), added("a-2", "rp-2", IN_PLACE, NOW))
               .when(new ActivateRestoreSession(SESSION, TENANT, new TenantRestoreLoad(3, 25, 999, 1000), LATER))
               .expectException(rejected(Rejection.TOO_MANY_MAILBOXES_IN_RESTORE))
               .expectNoEvents();
    }

    @Test
    void activating_another_tenants_session_is_answered_as_not_found() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new ActivateRestoreSession(SESSION, OTHER_TENANT, ROOM, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void adding_to_an_activated_session_is_rejected() {
        fixture.given(history(activatedWith("a-1")))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", IN_PLACE), LATER))
               .expectException(rejected(Rejection.SESSION_NOT_IN_DRAFT))
               .expectNoEvents();
    }

    @Test
    void removing_from_an_activated_session_is_rejected() {
        fixture.given(history(activatedWith("a-1")))
               .when(new RemoveMailboxArtifact(SESSION, TENANT, "a-1", CHANGED, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_IN_DRAFT))
               .expectNoEvents();
    }

    @Test
    void failing_an_artifact_whose_session_was_never_activated_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new FailArtifactRestore(SESSION, "a-1", ArtifactErrorCode.UNKNOWN_ERROR, "It broke.", LATER))
               .expectException(rejected(Rejection.ARTIFACT_NOT_AT_THAT_STEP))
               .expectNoEvents();
    }

    @Test
    void an_artifact_whose_mailbox_is_free_is_scheduled() {
        fixture.given(history(activatedWith("a-1", "a-2")))
               .when(new ScheduleArtifactRestore(SESSION, "a-1", null, LATER))
               .expectEvents(new ArtifactRestoreScheduled(SESSION, "a-1", LATER));
    }

    @Test
    void the_session_becomes_active_once_the_last_artifact_is_scheduled() {
        fixture.given(history(activatedWith("a-1", "a-2"), scheduled("a-1")))
               .when(new ScheduleArtifactRestore(SESSION, "a-2", null, LATER))
               .expectEvents(new ArtifactRestoreScheduled(SESSION, "a-2", LATER),
                       new RestoreSessionStarted(SESSION, LATER));
    }

    @Test
    void an_artifact_whose_mailbox_another_active_session_restores_fails_as_a_duplicate_request() {
        fixture.given(history(activatedWith("a-1", "a-2")))
               .when(new ScheduleArtifactRestore(SESSION, "a-1", "other-session", LATER))
               .expectEvents(failed("a-1", ArtifactErrorCode.DUPLICATE_ARTIFACT_RESTORE_REQUEST,
                       "The mailbox of restore point 'rp-1' is already being restored by another active restore"
                               + " session (other-session)."));
    }

    @Test
    void an_artifact_whose_restore_point_expired_before_scheduling_fails_with_invalid_restore_time() {
        fixture.given(created(), expiringAdded("a-1", NOW.plusSeconds(60)), added("a-2", "rp-2", IN_PLACE, NOW),
                        new RestoreSessionActivated(SESSION, TENANT, NOW), scheduling("a-1", "rp-1"),
                        scheduling("a-2", "rp-2"))
               .when(new ScheduleArtifactRestore(SESSION, "a-1", null, LATER))
               .expectEvents(failed("a-1", ArtifactErrorCode.INVALID_RESTORE_TIME,
                       "Restore point 'rp-1' expired at 2026-11-28T10:01:00Z, before its turn to be restored."));
    }

    @Test
    void a_session_whose_every_artifact_failed_scheduling_becomes_active_and_ends_failed() {
        fixture.given(history(activatedWith("a-1")))
               .when(new ScheduleArtifactRestore(SESSION, "a-1", "other-session", LATER))
               .expectEvents(failed("a-1", ArtifactErrorCode.DUPLICATE_ARTIFACT_RESTORE_REQUEST,
                               "The mailbox of restore point 'rp-1' is already being restored by another active"
                                       + " restore session (other-session)."),
                       new RestoreSessionStarted(SESSION, LATER),
                       new RestoreSessionEnded(SESSION, RestoreSessionStatus.FAILED, 0, 1, LATER));
    }

    @Test
    void scheduling_an_artifact_that_is_not_in_scheduling_is_rejected() {
        fixture.given(history(activatedWith("a-1", "a-2"), scheduled("a-1")))
               .when(new ScheduleArtifactRestore(SESSION, "a-1", null, LATER))
               .expectException(rejected(Rejection.ARTIFACT_NOT_AT_THAT_STEP))
               .expectNoEvents();
    }

    @Test
    void starting_a_scheduled_artifact_puts_it_in_progress_with_what_the_restorer_needs() {
        fixture.given(history(activatedWith("a-1"), scheduled("a-1"), started()))
               .when(new StartArtifactRestore(SESSION, "a-1", LATER))
               .expectEvents(new ArtifactRestoreStarted(SESSION, TENANT, "a-1", "rp-1", "rp-1", IN_PLACE, LATER));
    }

    @Test
    void an_artifact_whose_restore_point_expired_while_it_waited_fails_instead_of_starting() {
        fixture.given(created(), expiringAdded("a-1", NOW.plusSeconds(60)), added("a-2", "rp-2", IN_PLACE, NOW),
                        new RestoreSessionActivated(SESSION, TENANT, NOW), scheduling("a-1", "rp-1"),
                        scheduling("a-2", "rp-2"), scheduled("a-1"), scheduled("a-2"), started())
               .when(new StartArtifactRestore(SESSION, "a-1", LATER))
               .expectEvents(failed("a-1", ArtifactErrorCode.INVALID_RESTORE_TIME,
                       "Restore point 'rp-1' expired at 2026-11-28T10:01:00Z, before its turn to be restored."));
    }

    @Test
    void starting_an_artifact_that_is_not_scheduled_is_rejected() {
        fixture.given(history(activatedWith("a-1", "a-2")))
               .when(new StartArtifactRestore(SESSION, "a-1", LATER))
               .expectException(rejected(Rejection.ARTIFACT_NOT_AT_THAT_STEP))
               .expectNoEvents();
    }

    @Test
    void a_restored_artifact_succeeds_with_its_folder_and_item_count() {
        fixture.given(history(activeWith("a-1", "a-2"), inProgress("a-1")))
               .when(new CompleteArtifactRestore(SESSION, "a-1", "folder-1", "Restored 1", 42, LATER))
               .expectEvents(succeeded("a-1"));
    }

    @Test
    void completing_an_artifact_that_is_not_in_progress_is_rejected() {
        fixture.given(history(activeWith("a-1"), inProgress("a-1"), succeeded("a-1")))
               .when(new CompleteArtifactRestore(SESSION, "a-1", "folder-1", "Restored 1", 42, LATER))
               .expectException(rejected(Rejection.ARTIFACT_NOT_AT_THAT_STEP))
               .expectNoEvents();
    }

    @Test
    void an_artifact_in_progress_can_fail_with_an_unknown_error() {
        fixture.given(history(activeWith("a-1", "a-2"), inProgress("a-1")))
               .when(new FailArtifactRestore(SESSION, "a-1", ArtifactErrorCode.UNKNOWN_ERROR, "It broke.", LATER))
               .expectEvents(failed("a-1", ArtifactErrorCode.UNKNOWN_ERROR, "It broke."));
    }

    @Test
    void failing_an_artifact_that_has_already_ended_is_rejected() {
        fixture.given(history(activeWith("a-1", "a-2"), inProgress("a-1"), succeeded("a-1")))
               .when(new FailArtifactRestore(SESSION, "a-1", ArtifactErrorCode.UNKNOWN_ERROR, "It broke.", LATER))
               .expectException(rejected(Rejection.ARTIFACT_NOT_AT_THAT_STEP))
               .expectNoEvents();
    }

    @Test
    void a_session_whose_artifacts_all_succeeded_ends_completed() {
        fixture.given(history(activeWith("a-1", "a-2"), inProgress("a-1"), succeeded("a-1"), inProgress("a-2")))
               .when(new CompleteArtifactRestore(SESSION, "a-2", "folder-1", "Restored 1", 42, LATER))
               .expectEvents(succeeded("a-2"),
                       new RestoreSessionEnded(SESSION, RestoreSessionStatus.COMPLETED, 2, 0, LATER));
    }

    @Test
    void a_session_ends_with_the_last_of_its_artifacts_even_when_results_arrive_out_of_order() {
        Instant earlier = LATER.minusSeconds(1);
        fixture.given(history(activeWith("a-1", "a-2"), inProgress("a-1"), inProgress("a-2"), succeeded("a-2")))
               .when(new CompleteArtifactRestore(SESSION, "a-1", "folder-1", "Restored 1", 42, earlier))
               .expectEvents(new ArtifactRestoreSucceeded(SESSION, "a-1", "folder-1", "Restored 1", 42, earlier),
                       new RestoreSessionEnded(SESSION, RestoreSessionStatus.COMPLETED, 2, 0, LATER));
    }

    @Test
    void a_session_whose_artifacts_all_failed_ends_failed() {
        fixture.given(history(activeWith("a-1", "a-2"), inProgress("a-1"),
                        failed("a-1", ArtifactErrorCode.UNKNOWN_ERROR, "It broke."), inProgress("a-2")))
               .when(new FailArtifactRestore(SESSION, "a-2", ArtifactErrorCode.UNKNOWN_ERROR, "It broke.", LATER))
               .expectEvents(failed("a-2", ArtifactErrorCode.UNKNOWN_ERROR, "It broke."),
                       new RestoreSessionEnded(SESSION, RestoreSessionStatus.FAILED, 0, 2, LATER));
    }

    @Test
    void a_session_with_successes_and_failures_ends_completed_with_error() {
        fixture.given(history(activeWith("a-1", "a-2"), inProgress("a-1"), succeeded("a-1"), inProgress("a-2")))
               .when(new FailArtifactRestore(SESSION, "a-2", ArtifactErrorCode.UNKNOWN_ERROR, "It broke.", LATER))
               .expectEvents(failed("a-2", ArtifactErrorCode.UNKNOWN_ERROR, "It broke."),
                       new RestoreSessionEnded(SESSION, RestoreSessionStatus.COMPLETED_WITH_ERROR, 1, 1, LATER));
    }

    @Test
    void deleting_a_draft_session_records_it() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new DeleteRestoreSession(SESSION, TENANT, LATER))
               .expectEvents(new RestoreSessionDeleted(SESSION, LATER))
               .expectResultMessagePayload(2L);
    }

    @Test
    void deleting_a_session_that_is_not_a_draft_is_rejected() {
        fixture.given(history(activatedWith("a-1")))
               .when(new DeleteRestoreSession(SESSION, TENANT, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_IN_DRAFT))
               .expectNoEvents();
    }

    @Test
    void a_deleted_session_is_not_found_any_more() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), new RestoreSessionDeleted(SESSION, LATER))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", IN_PLACE), LATER))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void deleting_another_tenants_session_is_answered_as_not_found() {
        fixture.given(created())
               .when(new DeleteRestoreSession(SESSION, OTHER_TENANT, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void adding_with_the_version_the_session_has_records_the_artifact() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", IN_PLACE), LATER,
                       AddMailboxArtifact.GRAPH_ARTIFACT_LIMIT, 1L))
               .expectEvents(added("a-2", "rp-2", IN_PLACE, LATER))
               .expectResultMessagePayload(2L);
    }

    @Test
    void adding_to_a_session_that_changed_since_the_sender_read_it_is_refused() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", IN_PLACE), LATER,
                       AddMailboxArtifact.GRAPH_ARTIFACT_LIMIT, 0L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void removing_from_a_session_that_changed_since_the_sender_read_it_is_refused_before_the_artifact_is_looked_for() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new RemoveMailboxArtifact(SESSION, TENANT, "a-unknown", CHANGED, LATER, 0L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void activating_a_session_that_changed_since_the_sender_read_it_is_refused_before_its_state_is_looked_at() {
        fixture.given(history(activatedWith("a-1")))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, LATER, 1L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void deleting_a_session_that_changed_since_the_sender_read_it_is_refused() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), removed("a-1"))
               .when(new DeleteRestoreSession(SESSION, TENANT, LATER, 1L))
               .expectException(ConflictingAggregateVersionException.class)
               .expectNoEvents();
    }

    @Test
    void deleting_with_the_version_the_session_has_deletes_it() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new DeleteRestoreSession(SESSION, TENANT, LATER, 1L))
               .expectEvents(new RestoreSessionDeleted(SESSION, LATER));
    }

    @Test
    void another_tenants_session_is_not_found_even_when_the_version_named_is_stale() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new DeleteRestoreSession(SESSION, OTHER_TENANT, LATER, 0L))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    // Bulk addition requests (docs/api.md, Bulk addition requests)

    @Test
    void a_bulk_addition_request_for_an_empty_draft_makes_it_a_bulk_session() {
        fixture.given(created())
               .when(bulkRequest(BULK))
               .expectSuccessfulHandlerExecution()
               .expectEvents(bulkRequested(BULK))
               .expectResultMessagePayload(1L);
    }

    @Test
    void a_draft_whose_artifacts_were_all_removed_takes_a_bulk_addition_request() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW), removed("a-1"))
               .when(bulkRequest(BULK))
               .expectEvents(bulkRequested(BULK));
    }

    @Test
    void a_second_bulk_addition_request_is_rejected() {
        fixture.given(created(), bulkRequested(BULK))
               .when(bulkRequest("bulk-2"))
               .expectException(rejected(Rejection.BULK_REQUEST_EXISTS))
               .expectNoEvents();
    }

    @Test
    void a_bulk_addition_request_for_a_session_with_artifacts_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(bulkRequest(BULK))
               .expectException(rejected(Rejection.SESSION_HOLDS_ARTIFACTS))
               .expectNoEvents();
    }

    @Test
    void a_bulk_addition_request_for_a_granular_session_is_rejected() {
        fixture.given(created(), granularAdded("a-1"))
               .when(bulkRequest(BULK))
               .expectException(rejected(Rejection.SESSION_HOLDS_ARTIFACTS))
               .expectNoEvents();
    }

    @Test
    void a_bulk_addition_request_for_an_activated_session_is_rejected() {
        fixture.given(history(activatedWith("a-1")))
               .when(bulkRequest(BULK))
               .expectException(rejected(Rejection.SESSION_NOT_IN_DRAFT))
               .expectNoEvents();
    }

    @Test
    void a_bulk_addition_request_for_another_tenants_session_is_answered_as_not_found() {
        fixture.given(created())
               .when(new CreateBulkAdditionRequest(SESSION, OTHER_TENANT, BULK, "All of sales",
                       List.of("adele@contoso.com"), List.of(), WINDOW_START, WINDOW_END, IN_PLACE,
                       RestorePointPreference.LATEST, null, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void adding_an_artifact_to_a_bulk_session_is_rejected() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-1", "rp-1", IN_PLACE), LATER))
               .expectException(rejected(Rejection.NOT_THAT_KIND_OF_SESSION))
               .expectNoEvents();
    }

    @Test
    void removing_an_artifact_from_a_bulk_session_is_rejected() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new RemoveMailboxArtifact(SESSION, TENANT, "a-1", CHANGED, LATER))
               .expectException(rejected(Rejection.NOT_THAT_KIND_OF_SESSION))
               .expectNoEvents();
    }

    @Test
    void activating_a_bulk_session_adds_each_resolved_mailbox_completes_the_request_and_schedules_them() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, new BulkResolution(BULK,
                       List.of(artifact("a-1", "rp-1", IN_PLACE), artifact("a-2", "rp-2", IN_PLACE)), List.of()),
                       LATER, null))
               .expectSuccessfulHandlerExecution()
               .expectEvents(added("a-1", "rp-1", IN_PLACE, LATER), added("a-2", "rp-2", IN_PLACE, LATER),
                       new BulkAdditionRequestResolved(SESSION, BULK, BulkAdditionRequestStatus.COMPLETED, 2,
                               List.of(), LATER),
                       new RestoreSessionActivated(SESSION, TENANT, LATER),
                       new ArtifactRestoreScheduling(SESSION, TENANT, "a-1", "rp-1", LATER),
                       new ArtifactRestoreScheduling(SESSION, TENANT, "a-2", "rp-2", LATER))
               .expectResultMessagePayload(7L);
    }

    @Test
    void activating_a_bulk_session_with_unresolved_mailboxes_completes_the_request_with_errors() {
        UnresolvedMailbox unknown = new UnresolvedMailbox("nobody@contoso.com", UnresolvedMailbox.NO_SUCH_MAILBOX,
                "The tenant has no mailbox with the email address 'nobody@contoso.com'.");
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, new BulkResolution(BULK,
                       List.of(artifact("a-1", "rp-1", IN_PLACE)), List.of(unknown)), LATER, null))
               .expectEvents(added("a-1", "rp-1", IN_PLACE, LATER),
                       new BulkAdditionRequestResolved(SESSION, BULK, BulkAdditionRequestStatus.COMPLETED_WITH_ERRORS,
                               1, List.of(unknown), LATER),
                       new RestoreSessionActivated(SESSION, TENANT, LATER),
                       new ArtifactRestoreScheduling(SESSION, TENANT, "a-1", "rp-1", LATER));
    }

    @Test
    void activating_a_bulk_session_whose_request_resolved_no_mailbox_is_rejected() {
        UnresolvedMailbox unknown = new UnresolvedMailbox("nobody@contoso.com", UnresolvedMailbox.NO_SUCH_MAILBOX,
                "The tenant has no mailbox with the email address 'nobody@contoso.com'.");
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM,
                       new BulkResolution(BULK, List.of(), List.of(unknown)), LATER, null))
               .expectException(rejected(Rejection.NO_ARTIFACTS))
               .expectNoEvents();
    }

    @Test
    void activating_a_bulk_session_without_its_request_resolved_is_rejected() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, LATER))
               .expectException(rejected(Rejection.BULK_RESOLUTION_MISSING))
               .expectNoEvents();
    }

    @Test
    void activating_a_bulk_session_with_the_resolution_of_another_request_is_rejected() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, new BulkResolution("bulk-2",
                       List.of(artifact("a-1", "rp-1", IN_PLACE)), List.of()), LATER, null))
               .expectException(rejected(Rejection.BULK_RESOLUTION_MISSING))
               .expectNoEvents();
    }

    @Test
    void activating_a_session_without_a_bulk_request_with_a_resolution_is_rejected() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, new BulkResolution(BULK,
                       List.of(artifact("a-2", "rp-2", IN_PLACE)), List.of()), LATER, null))
               .expectException(rejected(Rejection.BULK_REQUEST_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void a_resolved_mailbox_with_another_destination_type_than_the_requests_is_rejected() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, ROOM, new BulkResolution(BULK,
                       List.of(artifact("a-1", "rp-1", NEW)), List.of()), LATER, null))
               .expectException(rejected(Rejection.DIFFERENT_DESTINATION_TYPE))
               .expectNoEvents();
    }

    @Test
    void a_bulk_session_is_measured_against_the_tenants_bulk_limit_of_mailboxes_in_restore() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, new TenantRestoreLoad(0, 25, 1000, 1000, 1001),
                       new BulkResolution(BULK, List.of(artifact("a-1", "rp-1", IN_PLACE),
                               artifact("a-2", "rp-2", IN_PLACE)), List.of()), LATER, null))
               .expectException(rejected(Rejection.TOO_MANY_MAILBOXES_IN_RESTORE))
               .expectNoEvents();
    }

    @Test
    void a_bulk_session_may_put_more_mailboxes_in_restore_than_a_standard_one() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new ActivateRestoreSession(SESSION, TENANT, new TenantRestoreLoad(0, 25, 999, 1000, 1001),
                       new BulkResolution(BULK, List.of(artifact("a-1", "rp-1", IN_PLACE)), List.of()), LATER,
                       null))
               .expectSuccessfulHandlerExecution();
    }

    @Test
    void deleting_a_resolved_bulk_request_records_it() {
        fixture.given(history(bulkActivatedWith("a-1")))
               .when(new DeleteBulkAdditionRequest(SESSION, TENANT, BULK, LATER))
               .expectEvents(new BulkAdditionRequestDeleted(SESSION, BULK, LATER));
    }

    @Test
    void the_artifacts_of_a_deleted_bulk_request_stay_in_the_session() {
        fixture.given(history(bulkActivatedWith("a-1"), new BulkAdditionRequestDeleted(SESSION, BULK, LATER)))
               .when(new ScheduleArtifactRestore(SESSION, "a-1", null, LATER))
               .expectEvents(new ArtifactRestoreScheduled(SESSION, "a-1", LATER),
                       new RestoreSessionStarted(SESSION, LATER));
    }

    @Test
    void deleting_a_bulk_request_that_is_still_active_is_rejected() {
        fixture.given(created(), bulkRequested(BULK))
               .when(new DeleteBulkAdditionRequest(SESSION, TENANT, BULK, LATER))
               .expectException(rejected(Rejection.BULK_REQUEST_NOT_RESOLVED_YET))
               .expectNoEvents();
    }

    @Test
    void deleting_a_bulk_request_the_session_does_not_have_is_rejected() {
        fixture.given(history(bulkActivatedWith("a-1")))
               .when(new DeleteBulkAdditionRequest(SESSION, TENANT, "bulk-2", LATER))
               .expectException(rejected(Rejection.BULK_REQUEST_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void deleting_a_bulk_request_twice_is_rejected() {
        fixture.given(history(bulkActivatedWith("a-1"), new BulkAdditionRequestDeleted(SESSION, BULK, LATER)))
               .when(new DeleteBulkAdditionRequest(SESSION, TENANT, BULK, LATER))
               .expectException(rejected(Rejection.BULK_REQUEST_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void deleting_the_bulk_request_of_another_tenants_session_is_answered_as_not_found() {
        fixture.given(history(bulkActivatedWith("a-1")))
               .when(new DeleteBulkAdditionRequest(SESSION, OTHER_TENANT, BULK, LATER))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    // Granular restore (docs/api.md, Granular restore)

    @Test
    void creating_a_session_with_granular_artifacts_adds_each_with_its_searchs_query() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(),
                       List.of(granular("a-1", "rp-1", search("rp-1", LATER)),
                               granular("a-2", "rp-2", search("rp-2", LATER))), NOW))
               .expectSuccessfulHandlerExecution()
               .expectEvents(new RestoreSessionCreated(SESSION, TENANT, NOW), granularAdded("a-1"),
                       granularAdded("a-2"));
    }

    @Test
    void creating_a_granular_session_with_a_search_the_tenant_does_not_have_is_refused_whole() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(),
                       List.of(granular("a-1", "rp-1", search("rp-1", LATER)), granular("a-2", "rp-2", null)), NOW))
               .expectException(rejected(Rejection.UNUSABLE_SEARCH))
               .expectNoEvents();
    }

    @Test
    void creating_a_granular_session_with_an_expired_search_is_refused_whole() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(),
                       List.of(granular("a-1", "rp-1", search("rp-1", NOW))), NOW))
               .expectException(rejected(Rejection.UNUSABLE_SEARCH))
               .expectNoEvents();
    }

    @Test
    void creating_a_granular_session_with_a_search_made_for_another_restore_point_is_refused_whole() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(),
                       List.of(granular("a-1", "rp-1", search("rp-9", LATER))), NOW))
               .expectException(rejected(Rejection.UNUSABLE_SEARCH))
               .expectNoEvents();
    }

    @Test
    void creating_a_granular_session_with_a_restore_point_the_catalog_does_not_hold_is_refused_whole() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(), List.of(new NewGranularArtifact(
                       NewMailboxArtifact.uncatalogued("a-1", "rp-gone", IN_PLACE), SEARCH,
                       search("rp-gone", LATER))), NOW))
               .expectException(rejected(Rejection.UNKNOWN_RESTORE_POINT))
               .expectNoEvents();
    }

    @Test
    void creating_a_session_with_both_kinds_of_artifacts_is_refused() {
        fixture.givenNoPriorActivity()
               .when(new CreateRestoreSession(SESSION, TENANT, List.of(artifact("a-1", "rp-1", IN_PLACE)),
                       List.of(granular("a-2", "rp-2", search("rp-2", LATER))), NOW))
               .expectException(rejected(Rejection.MIXED_ARTIFACT_KINDS))
               .expectNoEvents();
    }

    @Test
    void adding_a_mailbox_artifact_to_a_granular_session_is_rejected() {
        fixture.given(created(), granularAdded("a-1"))
               .when(new AddMailboxArtifact(SESSION, TENANT, artifact("a-2", "rp-2", IN_PLACE), LATER))
               .expectException(rejected(Rejection.NOT_THAT_KIND_OF_SESSION))
               .expectNoEvents();
    }

    @Test
    void removing_a_granular_artifact_with_a_delta_is_rejected() {
        fixture.given(created(), granularAdded("a-1"))
               .when(new RemoveMailboxArtifact(SESSION, TENANT, "a-1", CHANGED, LATER))
               .expectException(rejected(Rejection.NOT_THAT_KIND_OF_SESSION))
               .expectNoEvents();
    }

    @Test
    void starting_a_granular_artifact_hands_the_restorer_its_query() {
        fixture.given(created(), granularAdded("a-1"), new RestoreSessionActivated(SESSION, TENANT, NOW),
                        scheduling("a-1", "rp-1"), scheduled("a-1"), started())
               .when(new StartArtifactRestore(SESSION, "a-1", LATER))
               .expectEvents(new ArtifactRestoreStarted(SESSION, TENANT, "a-1", "rp-1", "rp-1", IN_PLACE, LATER,
                       INVOICES));
    }

    // Retention (docs/api.md, Retention)

    @Test
    void a_session_that_ended_longer_ago_than_the_retention_is_retired() {
        Instant aYearLater = LATER.plus(RETENTION);
        fixture.given(history(endedCompleted("a-1")))
               .when(new RetireRestoreSession(SESSION, RETENTION, aYearLater))
               .expectEvents(new RestoreSessionRetired(SESSION, aYearLater));
    }

    @Test
    void a_session_that_ended_within_the_retention_is_not_retired() {
        fixture.given(history(endedCompleted("a-1")))
               .when(new RetireRestoreSession(SESSION, RETENTION, LATER.plus(RETENTION).minusSeconds(1)))
               .expectException(rejected(Rejection.NOT_RETIRABLE_YET))
               .expectNoEvents();
    }

    @Test
    void a_session_that_has_not_ended_is_not_retired() {
        fixture.given(history(activeWith("a-1")))
               .when(new RetireRestoreSession(SESSION, RETENTION, LATER.plus(RETENTION).plus(RETENTION)))
               .expectException(rejected(Rejection.NOT_RETIRABLE_YET))
               .expectNoEvents();
    }

    @Test
    void a_draft_is_not_retired() {
        fixture.given(created(), added("a-1", "rp-1", IN_PLACE, NOW))
               .when(new RetireRestoreSession(SESSION, RETENTION, LATER.plus(RETENTION).plus(RETENTION)))
               .expectException(rejected(Rejection.NOT_RETIRABLE_YET))
               .expectNoEvents();
    }

    @Test
    void a_retired_session_is_not_retired_again() {
        Instant aYearLater = LATER.plus(RETENTION);
        fixture.given(history(endedCompleted("a-1"), new RestoreSessionRetired(SESSION, aYearLater)))
               .when(new RetireRestoreSession(SESSION, RETENTION, aYearLater.plusSeconds(1)))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void a_retired_session_is_not_found_by_its_own_tenant() {
        Instant aYearLater = LATER.plus(RETENTION);
        fixture.given(history(endedCompleted("a-1"), new RestoreSessionRetired(SESSION, aYearLater)))
               .when(new DeleteRestoreSession(SESSION, TENANT, aYearLater.plusSeconds(1)))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    @Test
    void the_bulk_request_of_a_retired_session_is_not_found() {
        Instant aYearLater = LATER.plus(RETENTION);
        fixture.given(history(bulkActivatedWith("a-1"), scheduled("a-1"), started(), inProgress("a-1"),
                        succeeded("a-1"), new RestoreSessionEnded(SESSION, RestoreSessionStatus.COMPLETED, 1, 0, LATER),
                        new RestoreSessionRetired(SESSION, aYearLater)))
               .when(new DeleteBulkAdditionRequest(SESSION, TENANT, BULK, aYearLater.plusSeconds(1)))
               .expectException(rejected(Rejection.SESSION_NOT_FOUND))
               .expectNoEvents();
    }

    /** A history written as events and lists of events, in order. */
    private static List<Object> history(Object... parts) {
        List<Object> events = new ArrayList<>();
        for (Object part : parts) {
            if (part instanceof Object[] several) {
                events.addAll(List.of(several));
            } else {
                events.add(part);
            }
        }
        return events;
    }

    private static Object[] activatedWith(String... artifactIds) {
        List<Object> events = new ArrayList<>();
        events.add(created());
        for (String artifactId : artifactIds) {
            events.add(added(artifactId, restorePointOf(artifactId), IN_PLACE, NOW));
        }
        events.add(new RestoreSessionActivated(SESSION, TENANT, NOW));
        for (String artifactId : artifactIds) {
            events.add(scheduling(artifactId, restorePointOf(artifactId)));
        }
        return events.toArray();
    }

    private static Object[] activeWith(String... artifactIds) {
        List<Object> events = new ArrayList<>(List.of(activatedWith(artifactIds)));
        for (String artifactId : artifactIds) {
            events.add(scheduled(artifactId));
        }
        events.add(started());
        return events.toArray();
    }

    private static Object[] endedCompleted(String artifactId) {
        List<Object> events = new ArrayList<>(List.of(activeWith(artifactId)));
        events.add(inProgress(artifactId));
        events.add(succeeded(artifactId));
        events.add(new RestoreSessionEnded(SESSION, RestoreSessionStatus.COMPLETED, 1, 0, LATER));
        return events.toArray();
    }

    private static Object[] bulkActivatedWith(String... artifactIds) {
        List<Object> events = new ArrayList<>(List.of(created(), bulkRequested(BULK)));
        for (String artifactId : artifactIds) {
            events.add(added(artifactId, restorePointOf(artifactId), IN_PLACE, NOW));
        }
        events.add(new BulkAdditionRequestResolved(SESSION, BULK, BulkAdditionRequestStatus.COMPLETED,
                artifactIds.length, List.of(), NOW));
        events.add(new RestoreSessionActivated(SESSION, TENANT, NOW));
        for (String artifactId : artifactIds) {
            events.add(scheduling(artifactId, restorePointOf(artifactId)));
        }
        return events.toArray();
    }

    private static CreateBulkAdditionRequest bulkRequest(String requestId) {
        return new CreateBulkAdditionRequest(SESSION, TENANT, requestId, "All of sales",
                List.of("adele@contoso.com"), List.of("user-2"), WINDOW_START, WINDOW_END, IN_PLACE,
                RestorePointPreference.LATEST, null, LATER);
    }

    private static BulkAdditionRequestCreated bulkRequested(String requestId) {
        return new BulkAdditionRequestCreated(SESSION, requestId, "All of sales", List.of("adele@contoso.com"),
                List.of("user-2"), WINDOW_START, WINDOW_END, IN_PLACE, RestorePointPreference.LATEST, null, LATER);
    }

    private static GranularSearch search(String restorePointId, Instant expiresAt) {
        return new GranularSearch(SEARCH, restorePointId, List.of(restorePointId), INVOICES, expiresAt);
    }

    private static NewGranularArtifact granular(String artifactId, String restorePointId, GranularSearch search) {
        return new NewGranularArtifact(artifact(artifactId, restorePointId, IN_PLACE), SEARCH, search);
    }

    private static GranularMailboxArtifactAdded granularAdded(String artifactId) {
        String restorePointId = restorePointOf(artifactId);
        return new GranularMailboxArtifactAdded(SESSION, artifactId, restorePointId, restorePointId, null, IN_PLACE,
                SEARCH, INVOICES, NOW);
    }

    private static String restorePointOf(String artifactId) {
        return "rp-" + artifactId.substring(artifactId.indexOf('-') + 1);
    }

    private static MailboxArtifactAdded expiringAdded(String artifactId, Instant expiresAt) {
        String restorePointId = restorePointOf(artifactId);
        return new MailboxArtifactAdded(SESSION, artifactId, restorePointId, restorePointId, expiresAt, IN_PLACE, NOW);
    }

    private static ArtifactRestoreScheduling scheduling(String artifactId, String mailboxId) {
        return new ArtifactRestoreScheduling(SESSION, TENANT, artifactId, mailboxId, NOW);
    }

    private static ArtifactRestoreScheduled scheduled(String artifactId) {
        return new ArtifactRestoreScheduled(SESSION, artifactId, NOW);
    }

    private static RestoreSessionStarted started() {
        return new RestoreSessionStarted(SESSION, NOW);
    }

    private static ArtifactRestoreStarted inProgress(String artifactId) {
        String restorePointId = restorePointOf(artifactId);
        return new ArtifactRestoreStarted(SESSION, TENANT, artifactId, restorePointId, restorePointId, IN_PLACE, NOW);
    }

    private static ArtifactRestoreSucceeded succeeded(String artifactId) {
        return new ArtifactRestoreSucceeded(SESSION, artifactId, "folder-1", "Restored 1", 42, LATER);
    }

    private static ArtifactRestoreFailed failed(String artifactId, ArtifactErrorCode code, String message) {
        return new ArtifactRestoreFailed(SESSION, artifactId, code, message, LATER);
    }

    private static RestoreSessionCreated created() {
        return new RestoreSessionCreated(SESSION, TENANT, NOW);
    }

    /** Until the restore point catalog exists, a restore point's mailbox is the restore point itself. */
    private static NewMailboxArtifact artifact(String artifactId, String restorePointId, DestinationType type) {
        return new NewMailboxArtifact(artifactId, restorePointId, restorePointId, null, type);
    }

    private static MailboxArtifactAdded added(String artifactId, String restorePointId, DestinationType type,
                                              Instant at) {
        return new MailboxArtifactAdded(SESSION, artifactId, restorePointId, restorePointId, null, type, at);
    }

    private static MailboxArtifactRemoved removed(String artifactId) {
        return new MailboxArtifactRemoved(SESSION, artifactId, CHANGED, LATER);
    }

    private static Matcher<RestoreSessionRejected> rejected(Rejection rejection) {
        return new FeatureMatcher<>(equalTo(rejection), "a rejection", "rejection") {
            @Override
            protected Rejection featureValueOf(RestoreSessionRejected actual) {
                return actual.rejection();
            }
        };
    }
}
