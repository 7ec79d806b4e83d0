package com.m365backup.restore.query.readmodel;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
        // Ids and names rarely hold a character to escape: what comes before the first one is copied in one go.
        int plain = 0;
        while (plain < value.length() && !escaped(value.charAt(plain))) {
            plain++;
        }
        if (plain == value.length()) {
            rows.append(value);
            return this;
        }
        rows.append(value, 0, plain);
        for (int i = plain; i < value.length(); i++) {
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
     * ISO 8601 in UTC with six digits of fraction, which PostgreSQL reads as the same instant; rounded to the
     * microsecond half up, as the JDBC driver rounds the parameters of the projection's other statements, so that
     * both store the same time. Written digit by digit: through {@code DateTimeFormatter}, a fresh JVM's compiler
     * spent longer on this method than on any other of a rebuild (twice 0.3 to 0.4 s).
     */
    CopyRows time(OffsetDateTime value) {
        separate();
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        Instant instant = value.toInstant().plusNanos(500).truncatedTo(ChronoUnit.MICROS);
        LocalDateTime utc = LocalDateTime.ofEpochSecond(instant.getEpochSecond(), instant.getNano(), ZoneOffset.UTC);
        if (utc.getYear() < 1000 || utc.getYear() > 9999) {
            rows.append(instant);
            return this;
        }
        rows.append(utc.getYear()).append('-');
        digits(utc.getMonthValue(), 2).append('-');
        digits(utc.getDayOfMonth(), 2).append('T');
        digits(utc.getHour(), 2).append(':');
        digits(utc.getMinute(), 2).append(':');
        digits(utc.getSecond(), 2).append('.');
        digits(utc.getNano() / 1000, 6).append('Z');
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

    private static boolean escaped(char c) {
        return c == '\\' || c == '\t' || c == '\n' || c == '\r';
    }

    /** The rows as they are sent. */
    @Override
    public String toString() {
        return rows.toString();
    }

    /** {@code value}, not negative, with leading zeros to {@code width} digits. */
    private StringBuilder digits(int value, int width) {
        for (int bound = 10, digits = 1; digits < width; bound *= 10, digits++) {
            if (value < bound) {
                rows.append('0');
            }
        }
        return rows.append(value);
    }

    private void separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
    }
}
