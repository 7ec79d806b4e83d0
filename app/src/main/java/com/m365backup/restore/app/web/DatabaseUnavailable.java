package com.m365backup.restore.app.web;

import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.transaction.CannotCreateTransactionException;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Tells a failure to reach PostgreSQL from any other failure, so that it is answered 503 {@code ServiceUnavailable}
 * with {@code Retry-After} (docs/api.md, Errors) rather than 500: the request was fine, the service cannot serve it
 * for now. Axon and Spring wrap the JDBC failure in their own exceptions (a command's unit of work, a query's
 * answer, a transaction that could not begin), so the whole cause chain is looked at.
 */
public final class DatabaseUnavailable {

    /**
     * How long a client is asked to wait: about what PostgreSQL takes to restart or a managed server to fail over,
     * and long enough that clients retrying do not keep a recovering pool busy.
     */
    static final Duration RETRY_AFTER = Duration.ofSeconds(10);

    private static final String HIKARI_CLOSED_CONNECTION = "Connection is closed";

    private DatabaseUnavailable() {
    }

    public static boolean causedBy(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable cause = failure; cause != null && seen.put(cause, true) == null; cause = cause.getCause()) {
            if (unreachable(cause)) {
                return true;
            }
        }
        return false;
    }

    private static boolean unreachable(Throwable cause) {
        // DataAccessResourceFailureException covers CannotGetJdbcConnectionException; Spring's transaction manager
        // reports a connection it could not get as CannotCreateTransactionException; Hikari's pool timing out is an
        // SQLTransientConnectionException.
        if (cause instanceof DataAccessResourceFailureException
                || cause instanceof TransientDataAccessResourceException
                || cause instanceof CannotCreateTransactionException
                || cause instanceof SQLTransientConnectionException
                || cause instanceof SQLNonTransientConnectionException) {
            return true;
        }
        if (!(cause instanceof SQLException sql)) {
            return false;
        }
        // A connection the pool closed when PostgreSQL went away answers every later call of the transaction that
        // still holds it with this, from HikariCP's proxy, and without an SQLState.
        if (sql.getSQLState() == null) {
            return HIKARI_CLOSED_CONNECTION.equals(sql.getMessage());
        }
        // SQLState class 08 is a connection exception (refused, broken); 57P01 to 57P03 a server shutting down,
        // restarting or not yet accepting connections.
        return sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P0");
    }
}
