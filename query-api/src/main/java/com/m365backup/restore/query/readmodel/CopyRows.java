package com.m365backup.restore.query.readmodel;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN} (a tab between columns, {@code \N} for null,
 * backslash escapes), sent on the connection of the caller's transaction.
 */
final class CopyRows {

    private final StringBuilder rows = new StringBuilder(16_384);
    private boolean rowStarted;

    CopyRows text(String value) {
        separate();
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '\\' -> rows.append("\\\\");
                case '\t' -> rows.append("\\t");
                case '\n' -> rows.append("\\n");
                case '\r' -> rows.append("\\r");
                default -> rows.append(c);
            }
        }
        return this;
    }

    CopyRows number(Number value) {
        separate();
        rows.append(value == null ? "\\N" : value.toString());
        return this;
    }

    /**
     * ISO 8601 with its offset, which PostgreSQL reads as the same instant; rounded to the microsecond half up, as
     * the JDBC driver rounds the parameters of the projection's other statements, so that both store the same time.
     */
    CopyRows time(OffsetDateTime value) {
        separate();
        rows.append(value == null ? "\\N" : value.plusNanos(500).truncatedTo(ChronoUnit.MICROS).toString());
        return this;
    }

    CopyRows endRow() {
        rows.append('\n');
        rowStarted = false;
        return this;
    }

    /** Copies the rows into {@code tableAndColumns}, e.g. {@code "t (a, b)"}, answering how many it took. */
    long into(JdbcTemplate jdbc, String tableAndColumns) {
        Long copied = jdbc.execute((ConnectionCallback<Long>) connection -> {
            try {
                return connection.unwrap(PGConnection.class).getCopyAPI()
                        .copyIn("copy " + tableAndColumns + " from stdin", new StringReader(rows.toString()));
            } catch (IOException impossible) {
                throw new IllegalStateException("A string cannot fail to be read", impossible);
            }
        });
        return copied == null ? 0 : copied;
    }

    private void separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
    }
}
