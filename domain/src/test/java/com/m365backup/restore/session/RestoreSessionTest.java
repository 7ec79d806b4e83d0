package com.m365backup.restore.session;

import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.hamcrest.FeatureMatcher;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static com.m365backup.restore.session.DestinationType.IN_PLACE;
import static com.m365backup.restore.session.DestinationType.NEW;
import static com.m365backup.restore.session.RemovalReason.CHANGED;
import static org.hamcrest.Matchers.equalTo;

class RestoreSessionTest {

    private static final String SESSION = "5d3b6a2e-0f4a-4c51-9a59-0d1b3b7f1c11";
    private static final String TENANT = "tenant-a";
    private static final String OTHER_TENANT = "tenant-b";
    private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
    private static final Instant LATER = Instant.parse("2026-11-28T10:05:00Z");

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
