package com.m365backup.restore.app.web;

import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.common.jdbc.JdbcException;
import org.axonframework.queryhandling.QueryExecutionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.concurrent.CompletionException;

import static org.assertj.core.api.Assertions.assertThat;

/** Which failures say that PostgreSQL cannot be reached (answered 503), however Axon and Spring wrap them. */
class DatabaseUnavailableCausesTest {

    @Test
    void a_connection_that_could_not_be_had_is_unavailability_however_deeply_wrapped() {
        SQLException refused = new SQLException("Connection to 127.0.0.1:5432 refused.", "08001");

        assertThat(DatabaseUnavailable.causedBy(new CannotGetJdbcConnectionException("no connection", refused)))
                .isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CompletionException(new QueryExecutionException("query failed",
                new CannotCreateTransactionException("no transaction",
                        new SQLTransientConnectionException("pool timed out")))))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new CommandExecutionException("command failed",
                new IllegalStateException("append failed", refused)))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new TransientDataAccessResourceException("read-only"))).isTrue();
    }

    @Test
    void a_server_shutting_down_is_unavailability() {
        assertThat(DatabaseUnavailable.causedBy(
                new SQLException("terminating connection due to administrator command", "57P01"))).isTrue();
    }

    @Test
    void a_pooled_connection_closed_under_a_transaction_is_unavailability() {
        // What Axon's event store reported for a DELETE whose transaction held a connection when PostgreSQL stopped.
        assertThat(DatabaseUnavailable.causedBy(new JdbcException("Failed to create a SQL statement",
                new SQLException("Connection is closed")))).isTrue();
        assertThat(DatabaseUnavailable.causedBy(new SQLException("Something else"))).isFalse();
    }

    @Test
    void other_database_failures_and_programming_errors_are_not() {
        assertThat(DatabaseUnavailable.causedBy(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.causedBy(new IllegalStateException("a bug"))).isFalse();
    }
}
