package com.m365backup.restore.app.web;

import org.apache.catalina.connector.ClientAbortException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.CannotGetJdbcConnectionException;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;

import java.io.EOFException;
import java.io.IOException;
import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

/** A client that hangs up mid-response is no fault of the service: nothing to answer, nothing at ERROR. */
@ExtendWith(OutputCaptureExtension.class)
class ClientDisconnectTest {

    private final GraphErrorAdvice advice = new GraphErrorAdvice();
    private final MockHttpServletRequest request = new MockHttpServletRequest("GET",
            "/beta/solutions/backupRestore/exchangeRestoreSessions");

    @Test
    void a_broken_pipe_while_writing_the_answer_is_not_an_unexpected_failure(CapturedOutput output) {
        AsyncRequestNotUsableException hungUp = new AsyncRequestNotUsableException(
                "ServletOutputStream failed to write: java.io.IOException: Broken pipe",
                new ClientAbortException(new IOException("Broken pipe")));

        assertThat(advice.unexpected(hungUp, request)).isNull();
        assertThat(advice.unexpected(new ClientAbortException(new IOException("Broken pipe")), request)).isNull();
        assertThat(output.getAll()).doesNotContain("Unexpected failure").doesNotContain("ERROR");
    }

    @Test
    void a_database_connection_that_broke_is_not_a_client_that_went_away() {
        CannotGetJdbcConnectionException broken = new CannotGetJdbcConnectionException("Failed to obtain JDBC "
                + "Connection", new SQLException("An I/O error occurred while sending to the backend.", "08006",
                new EOFException()));
        broken.setStackTrace(new StackTraceElement[0]);

        assertThat(advice.unexpected(broken, request).getStatusCode().value()).isEqualTo(503);
    }

    @Test
    void any_other_failure_is_still_a_500_with_its_details_in_the_log(CapturedOutput output) {
        IllegalStateException bug = new IllegalStateException("a bug");
        // The log shows the trace; this test's needs no frames to prove it, nor a build's output the lines.
        bug.setStackTrace(new StackTraceElement[0]);

        assertThat(advice.unexpected(bug, request).getStatusCode().value()).isEqualTo(500);
        assertThat(output.getAll()).contains("Unexpected failure answering GET")
                .contains("java.lang.IllegalStateException: a bug");
    }
}
