package com.m365backup.restore.command.session;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.CommandRetries;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.request.RequestRefused;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.common.transaction.Transaction;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.messaging.MetaData;
import org.axonframework.modelling.command.ConcurrencyException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/**
 * A write's answer follows what its commit did: a race lost to another node is run again and, lost too often, refused
 * with 503 and Retry-After; a commit that broke off after storing is answered as stored, one that stored nothing
 * fails as it failed.
 */
class SessionCommandsTest {

    private static final String SESSION = "3b9e2f60-2c3f-4b83-9a0c-7f3f1f0f6a21";
    private static final CommandOrigin ORIGIN = new CommandOrigin("tenant",
            MetaData.from(Map.of(CallerMetaData.REQUEST_ID, "request-1")), Instant.parse("2026-12-01T10:00:00Z"),
            "user", null, false);

    private final CommandGateway gateway = mock(CommandGateway.class);
    private final List<String> asked = new ArrayList<>();

    @Test
    void a_write_that_keeps_losing_the_race_is_run_again_then_refused_with_503_and_retry_after() {
        AtomicInteger commits = new AtomicInteger();
        SessionCommands sessions = sessions(() -> {
            commits.incrementAndGet();
            throw new ConcurrencyException("another node appended first");
        }, false);
        when(gateway.sendAndWait(any(), eq(ORIGIN.metaData()))).thenReturn(4L);

        assertThatThrownBy(() -> sessions.write(SESSION, ORIGIN, () -> sessions.send(SESSION, "command", ORIGIN)))
                .isInstanceOfSatisfying(RequestRefused.class, refused -> {
                    assertThat(refused.kind().status()).isEqualTo(503);
                    assertThat(refused.code()).isEqualTo("ServiceUnavailable");
                    assertThat(refused.retryAfter()).contains(Duration.ofSeconds(1));
                });
        assertThat(commits).hasValue(1 + 2);
        assertThat(asked).isEmpty();
    }

    @Test
    void a_commit_that_broke_off_after_storing_the_write_is_answered_as_stored() {
        SessionCommands sessions = sessions(() -> {
            throw new IllegalStateException("connection reset");
        }, true);
        when(gateway.sendAndWait(any(), eq(ORIGIN.metaData()))).thenReturn(6L, 7L);

        long version = sessions.write(SESSION, ORIGIN, () -> {
            sessions.send(SESSION, "first", ORIGIN);
            return sessions.send(SESSION, "second", ORIGIN);
        });

        assertThat(version).isEqualTo(7L);
        assertThat(asked).containsExactly(SESSION + "@7 by request-1");
    }

    @Test
    void a_commit_that_broke_off_before_storing_fails_as_it_failed() {
        SessionCommands sessions = sessions(() -> {
            throw new IllegalStateException("connection reset");
        }, false);
        when(gateway.sendAndWait(any(), eq(ORIGIN.metaData()))).thenReturn(6L);

        assertThatThrownBy(() -> sessions.write(SESSION, ORIGIN, () -> sessions.send(SESSION, "command", ORIGIN)))
                .isInstanceOf(IllegalStateException.class).hasMessage("connection reset");
        assertThat(asked).containsExactly(SESSION + "@6 by request-1");
    }

    private SessionCommands sessions(Runnable commit, boolean stored) {
        TransactionManager transactions = () -> new Transaction() {
            @Override
            public void commit() {
                commit.run();
            }

            @Override
            public void rollback() {
            }
        };
        return new SessionCommands(gateway, transactions, new CommandRetries(2, 1), null,
                (sessionId, sequence, requestId) -> {
                    asked.add(sessionId + "@" + sequence + " by " + requestId);
                    return stored;
                });
    }
}
