package com.m365backup.restore.app.operations;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * While PostgreSQL is away, a failure that is only that is logged in one line, with the root cause's message and
 * without the stack trace; every other failure keeps its stack trace.
 */
@ExtendWith(OutputCaptureExtension.class)
class DatabaseOutageLoggingTest {

    private static final Logger log = LoggerFactory.getLogger("org.axonframework.eventhandling.pooled.Coordinator");

    @BeforeAll
    static void installed() {
        new DatabaseOutageLogging();
    }

    @Test
    void a_failure_to_reach_postgresql_is_one_line_with_its_root_cause(CapturedOutput output) {
        log.warn("Processor [{}] (Coordination Task [{}]). Exception occurred while starting work packages.",
                "restore-engine", 3, unreachable());

        assertThat(output.getOut()).contains("Processor [restore-engine] (Coordination Task [3]). Exception occurred "
                        + "while starting work packages. (PostgreSQL unreachable: Connection to 127.0.0.1:5432 refused. "
                        + "Check that the hostname and port are correct.)")
                .doesNotContain("\tat ").doesNotContain("Caused by");
        assertThat(output.getOut().lines().filter(line -> line.contains("Coordination Task [3]"))).hasSize(1);
    }

    @Test
    void a_failure_given_as_the_throwable_argument_is_one_line_too(CapturedOutput output) {
        log.warn("Releasing claims", unreachable());

        assertThat(output.getOut()).contains("Releasing claims (PostgreSQL unreachable: ").doesNotContain("\tat ");
    }

    @Test
    void any_other_failure_keeps_its_stack_trace(CapturedOutput output) {
        log.warn("Exception occurred while coordinating the work packages.",
                new IllegalStateException("a bug", new SQLException("duplicate key value", "23505")));

        assertThat(output.getOut()).contains("Exception occurred while coordinating the work packages.")
                .contains("java.lang.IllegalStateException: a bug").contains("\tat ").contains("Caused by");
    }

    @Test
    void a_line_below_the_loggers_level_stays_unwritten(CapturedOutput output) {
        LoggerFactory.getLogger("org.apache.coyote.http11.Http11Processor").trace("quiet", unreachable());

        assertThat(output.getOut()).doesNotContain("quiet");
    }

    private static Exception unreachable() {
        return new CannotCreateTransactionException("Could not open JDBC Connection for transaction",
                new SQLTransientConnectionException("embedded-postgres - Connection is not available",
                        new SQLException("Connection to 127.0.0.1:5432 refused.\nCheck that the hostname and port "
                                + "are correct.", "08001")));
    }
}
