package com.m365backup.restore.query.graph;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/**
 * The times a client may name in a query or a body: ISO-8601 with an offset (Graph's {@code Edm.DateTimeOffset}),
 * from 0001-01-01 to 9999-12-31 UTC, the range Graph's own service takes. Java reads years far beyond it
 * ({@code +1000000-01-01T00:00:00Z}), and PostgreSQL refuses those with an error: a time outside the range is the
 * client's mistake, a 400, never a question to the database.
 */
public final class DateTimeOffsets {

    public static final Instant EARLIEST = Instant.parse("0001-01-01T00:00:00Z");
    public static final Instant LATEST = Instant.parse("9999-12-31T23:59:59.999999999Z");
    /** How a message tells the client what is accepted. */
    public static final String EXAMPLE = "an ISO-8601 time with its offset, such as 2026-01-31T12:00:00Z, from year "
            + "0001 to 9999";

    private DateTimeOffsets() {
    }

    /** The instant {@code text} names, when it is such a time within the range. */
    public static Optional<Instant> parse(String text) {
        if (text == null || text.length() > 64) {
            return Optional.empty();
        }
        try {
            Instant instant = OffsetDateTime.parse(text).toInstant();
            return supported(instant) ? Optional.of(instant) : Optional.empty();
        } catch (DateTimeParseException notATime) {
            return Optional.empty();
        }
    }

    /** Whether a time, however it was made, is within the range. */
    public static boolean supported(Instant instant) {
        return !instant.isBefore(EARLIEST) && !instant.isAfter(LATEST);
    }
}
