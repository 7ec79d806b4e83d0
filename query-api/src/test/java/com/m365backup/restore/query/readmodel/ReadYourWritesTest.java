package com.m365backup.restore.query.readmodel;

import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** A write's answer waits for the read model to show it: woken by this node's projection, or by looking again. */
class ReadYourWritesTest {

    private static final String SESSION = "a8e3f2c4-6b1d-4f7e-9c2a-5d8b3e1f0a47";
    private static final Duration LONG = Duration.ofMinutes(1);

    private final ReadModelProgress progress = new ReadModelProgress();
    private final AtomicLong shownVersion = new AtomicLong(2);

    @Test
    void answers_at_once_when_the_read_model_already_shows_the_version() {
        ReadYourWrites readYourWrites = waitingAtMost(LONG, LONG);

        assertThat(readYourWrites.handle(new AwaitRestoreSessionVersion(SESSION, 2))).isTrue();
    }

    @Test
    void answers_when_this_nodes_projection_commits_the_version_without_looking_at_the_table_again() {
        ReadYourWrites readYourWrites = waitingAtMost(LONG, LONG);
        long started = System.nanoTime();

        later(() -> progress.shown(SESSION, 3));

        assertThat(readYourWrites.handle(new AwaitRestoreSessionVersion(SESSION, 3))).isTrue();
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void answers_when_another_node_writes_the_version_and_no_notice_comes() {
        ReadYourWrites readYourWrites = waitingAtMost(LONG, Duration.ofMillis(20));

        later(() -> shownVersion.set(5));

        assertThat(readYourWrites.handle(new AwaitRestoreSessionVersion(SESSION, 5))).isTrue();
    }

    @Test
    void a_notice_of_an_earlier_version_or_of_another_session_does_not_end_the_wait() {
        ReadYourWrites readYourWrites = waitingAtMost(Duration.ofMillis(300), LONG);

        later(() -> {
            progress.shown(SESSION, 3);
            progress.shown("b2c7e9d1-3f4a-4b8c-8e6d-1a9f2c5b7d30", 9);
        });

        assertThat(readYourWrites.handle(new AwaitRestoreSessionVersion(SESSION, 4))).isFalse();
    }

    @Test
    void answers_false_when_the_read_model_does_not_catch_up_in_time() {
        ReadYourWrites readYourWrites = waitingAtMost(Duration.ofMillis(100), Duration.ofMillis(20));

        assertThat(readYourWrites.handle(new AwaitRestoreSessionVersion(SESSION, 3))).isFalse();
    }

    private ReadYourWrites waitingAtMost(Duration timeout, Duration recheck) {
        return new ReadYourWrites(progress, sessionId -> sessionId.equals(SESSION) ? shownVersion.get() : -1,
                new ReadModelProperties(timeout, recheck));
    }

    private static void later(Runnable change) {
        CompletableFuture.runAsync(change, CompletableFuture.delayedExecutor(50, TimeUnit.MILLISECONDS));
    }
}
