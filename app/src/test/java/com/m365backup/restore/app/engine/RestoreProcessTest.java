package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactErrorCode;
import com.m365backup.restore.domain.session.ArtifactRestoreFailed;
import com.m365backup.restore.domain.session.ArtifactRestoreScheduled;
import com.m365backup.restore.domain.session.ArtifactRestoreScheduling;
import com.m365backup.restore.domain.session.ArtifactRestoreStarted;
import com.m365backup.restore.domain.session.ArtifactRestoreSucceeded;
import com.m365backup.restore.domain.session.CompleteArtifactRestore;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.FailArtifactRestore;
import com.m365backup.restore.domain.session.Rejection;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import com.m365backup.restore.domain.session.ScheduleArtifactRestore;
import com.m365backup.restore.domain.session.StartArtifactRestore;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

/**
 * The restore process, step by step: given an event of a session, when the engine handles it, then it sends this
 * command (the restorer and the command bus are stand-ins; the session's own rules are in RestoreSessionTest).
 */
class RestoreProcessTest {

    private static final String SESSION = "5d3b6a2e-0f4a-4c51-9a59-0d1b3b7f1c11";
    private static final String OTHER_SESSION = "6e4c7b3f-1a5b-4d62-8b6a-1e2c4c8a2d22";
    private static final String TENANT = "tenant-a";
    private static final Instant NOW = Instant.parse("2026-11-28T10:05:00Z");
    private static final MailboxRestore RESTORE =
            new MailboxRestore(TENANT, SESSION, "a-1", "rp-1", "mbx-1", DestinationType.NEW);

    private final CommandGateway commands = mock(CommandGateway.class);
    private final MailboxClaims claims = mock(MailboxClaims.class);
    private final MailboxRestorer restorer = mock(MailboxRestorer.class);
    private final StoredRestoreResults storedResults = mock(StoredRestoreResults.class);
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
    private ExecutorService restoreThreads;
    private RestoreEngine engine;
    private MailboxRestores restores;

    @BeforeEach
    void setUp() {
        restoreThreads = Executors.newCachedThreadPool();
        engine = new RestoreEngine(commands, claims, clock);
        restores = new MailboxRestores(restorer, commands, restoreThreads,
                new RestoreEngineProperties(Duration.ofMillis(200)), clock,
                new RestoreMeters(new SimpleMeterRegistry()), storedResults);
    }

    @AfterEach
    void stopThreads() {
        restoreThreads.shutdownNow();
    }

    @Test
    void an_artifact_in_scheduling_whose_mailbox_is_free_is_scheduled() {
        when(claims.claim(TENANT, "mbx-1", SESSION, "a-1")).thenReturn(Optional.empty());

        engine.on(new ArtifactRestoreScheduling(SESSION, TENANT, "a-1", "mbx-1", NOW));

        verify(commands).sendAndWait(new ScheduleArtifactRestore(SESSION, "a-1", null, NOW));
    }

    @Test
    void an_artifact_whose_mailbox_another_session_holds_is_scheduled_naming_that_session() {
        when(claims.claim(TENANT, "mbx-1", SESSION, "a-1")).thenReturn(Optional.of(OTHER_SESSION));

        engine.on(new ArtifactRestoreScheduling(SESSION, TENANT, "a-1", "mbx-1", NOW));

        verify(commands).sendAndWait(new ScheduleArtifactRestore(SESSION, "a-1", OTHER_SESSION, NOW));
    }

    @Test
    void a_scheduled_artifact_is_started() {
        engine.on(new ArtifactRestoreScheduled(SESSION, "a-1", NOW));

        verify(commands).sendAndWait(new StartArtifactRestore(SESSION, "a-1", NOW));
    }

    @Test
    void a_succeeded_artifact_frees_its_mailbox() {
        engine.on(new ArtifactRestoreSucceeded(SESSION, "a-1", "f-1", "Restored", 3, NOW));

        verify(claims).release(SESSION, "a-1");
    }

    @Test
    void a_failed_artifact_frees_its_mailbox() {
        engine.on(new ArtifactRestoreFailed(SESSION, "a-1", ArtifactErrorCode.UNKNOWN_ERROR, "It broke.", NOW));

        verify(claims).release(SESSION, "a-1");
    }

    @Test
    void a_step_that_was_already_taken_is_skipped_when_its_event_comes_again() {
        when(commands.sendAndWait(any())).thenThrow(notAtThatStep());

        assertThatCode(() -> engine.on(new ArtifactRestoreScheduled(SESSION, "a-1", NOW)))
                .doesNotThrowAnyException();
    }

    @Test
    void any_other_refusal_of_a_step_fails_the_batch_so_that_it_is_retried() {
        RestoreSessionRejected notFound = new RestoreSessionRejected(Rejection.SESSION_NOT_FOUND, "Gone.");
        when(commands.sendAndWait(any())).thenThrow(notFound);

        assertThatThrownBy(() -> engine.on(new ArtifactRestoreScheduled(SESSION, "a-1", NOW))).isSameAs(notFound);
    }

    @Test
    void a_restored_mailbox_completes_its_artifact_with_the_folder_and_the_item_count() throws InterruptedException {
        when(restorer.restore(RESTORE)).thenReturn(new RestoredMailbox("f-1", "Restored 2026", 42));

        restores.on(started());

        verify(commands).sendAndWait(new CompleteArtifactRestore(SESSION, "a-1", "f-1", "Restored 2026", 42, NOW));
        verify(storedResults).markStored(SESSION, "a-1");
    }

    @Test
    void a_restore_whose_result_is_stored_is_not_handed_to_the_restorer_when_its_event_comes_again()
            throws InterruptedException {
        when(storedResults.stored("a-1")).thenReturn(true);

        restores.on(started());

        verifyNoInteractions(restorer, commands);
        verify(storedResults, never()).markStored(any(), any());
    }

    @Test
    void a_restorer_that_throws_fails_the_artifact_with_an_unknown_error_and_its_reason()
            throws InterruptedException {
        when(restorer.restore(RESTORE)).thenThrow(new IllegalStateException("The mailbox store is read-only."));

        restores.on(started());

        verify(commands).sendAndWait(new FailArtifactRestore(SESSION, "a-1", ArtifactErrorCode.UNKNOWN_ERROR,
                "The restore of the mailbox failed. The mailbox store is read-only.", NOW));
    }

    @Test
    void a_restore_the_restorer_refuses_with_a_graph_code_fails_with_that_code() throws InterruptedException {
        when(restorer.restore(RESTORE)).thenThrow(new MailboxRestoreRefused(
                ArtifactErrorCode.ARTIFACT_CANNOT_BE_RESTORED, "The mailbox is on litigation hold."));

        restores.on(started());

        verify(commands).sendAndWait(new FailArtifactRestore(SESSION, "a-1",
                ArtifactErrorCode.ARTIFACT_CANNOT_BE_RESTORED, "The mailbox is on litigation hold.", NOW));
    }

    @Test
    void a_restore_that_outlasts_the_time_out_fails_with_an_unknown_error() throws InterruptedException {
        CountDownLatch never = new CountDownLatch(1);
        when(restorer.restore(RESTORE)).thenAnswer(invocation -> {
            never.await();
            return new RestoredMailbox(null, null, 1);
        });

        restores.on(started());

        verify(commands).sendAndWait(new FailArtifactRestore(SESSION, "a-1", ArtifactErrorCode.UNKNOWN_ERROR,
                "The restore of the mailbox did not finish within 200 milliseconds and was given up.", NOW));
    }

    @Test
    void a_restore_interrupted_because_the_service_stops_records_nothing() {
        when(restorer.restore(RESTORE)).thenThrow(
                new MailboxRestoreInterrupted("Stopping.", new InterruptedException()));

        assertThatThrownBy(() -> restores.on(started())).isInstanceOf(MailboxRestoreInterrupted.class);
        verifyNoInteractions(commands);
        verify(storedResults, never()).markStored(any(), any());
    }

    @Test
    void a_result_that_comes_after_the_artifact_ended_is_not_recorded_and_not_an_error() {
        when(restorer.restore(RESTORE)).thenReturn(new RestoredMailbox("f-1", "Restored 2026", 42));
        when(commands.sendAndWait(any())).thenThrow(notAtThatStep());

        assertThatCode(() -> restores.on(started())).doesNotThrowAnyException();
        verify(storedResults).markStored(SESSION, "a-1");
    }

    private static ArtifactRestoreStarted started() {
        return new ArtifactRestoreStarted(SESSION, TENANT, "a-1", "rp-1", "mbx-1", DestinationType.NEW, NOW);
    }

    private static RestoreSessionRejected notAtThatStep() {
        return new RestoreSessionRejected(Rejection.ARTIFACT_NOT_AT_THAT_STEP, "Already there.");
    }
}
