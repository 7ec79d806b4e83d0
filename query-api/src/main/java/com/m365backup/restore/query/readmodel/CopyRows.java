package com.m365backup.restore.query.readmodel;

import org.postgresql.PGConnection;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

import java.io.IOException;
import java.io.StringReader;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * Rows in the text format of PostgreSQL's {@code COPY ... FROM STDIN} (a tab between columns, {@code \N} for null,
 * backslash escapes), sent on the connection of the caller's transaction.
 */
final class CopyRows {

    private static final long SECONDS_PER_DAY = 86_400;
    private static final long DAYS_PER_ERA = 146_097;
    private static final long DAYS_FROM_YEAR_0_MARCH_TO_1970 = 719_468;

    private final StringBuilder rows = new StringBuilder(16_384);
    /** A time as {@link #time} writes it, whose digits each call overwrites. */
    private final char[] timeText = "0000-00-00T00:00:00.000000Z".toCharArray();
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
     * both store the same time. Worked out by arithmetic into one buffer and appended once: in a fresh JVM's rebuild,
     * the compiler spent longer on this method than on any other, 0.3-0.4 s twice through {@code DateTimeFormatter}
     * and about 1 s with {@code LocalDateTime} and an append per field, whose code it inlined.
     */
    CopyRows time(OffsetDateTime value) {
        separate();
        if (value == null) {
            rows.append("\\N");
            return this;
        }
        long second = value.toEpochSecond();
        int micro = (value.getNano() + 500) / 1_000;
        if (micro == 1_000_000) {
            second++;
            micro = 0;
        }
        long day = Math.floorDiv(second, SECONDS_PER_DAY);
        int secondOfDay = (int) Math.floorMod(second, SECONDS_PER_DAY);
        // The civil date of a day since 1970-01-01, in eras of 400 years that start on March 1st (H. Hinnant,
        // "chrono-Compatible Low-Level Date Algorithms", days_from_civil's inverse).
        long shifted = day + DAYS_FROM_YEAR_0_MARCH_TO_1970;
        long era = Math.floorDiv(shifted, DAYS_PER_ERA);
        int dayOfEra = (int) (shifted - era * DAYS_PER_ERA);
        int yearOfEra = (dayOfEra - dayOfEra / 1_460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        int monthFromMarch = (5 * dayOfYear + 2) / 153;
        int dayOfMonth = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
        int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
        long year = era * 400 + yearOfEra + (month <= 2 ? 1 : 0);
        if (year < 1_000 || year > 9_999) {
            rows.append(Instant.ofEpochSecond(second, micro * 1_000L));
            return this;
        }
        char[] text = timeText;
        digits(text, 0, (int) year, 4);
        digits(text, 5, month, 2);
        digits(text, 8, dayOfMonth, 2);
        digits(text, 11, secondOfDay / 3_600, 2);
        digits(text, 14, secondOfDay / 60 % 60, 2);
        digits(text, 17, secondOfDay % 60, 2);
        digits(text, 20, micro, 6);
        rows.append(text);
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

    /** {@code value}, not negative, in {@code width} digits with leading zeros, at {@code from} in {@code text}. */
    private static void digits(char[] text, int from, int value, int width) {
        for (int i = from + width - 1; i >= from; i--) {
            text[i] = (char) ('0' + value % 10);
            value /= 10;
        }
    }

    private void separate() {
        if (rowStarted) {
            rows.append('\t');
        }
        rowStarted = true;
    }
}
