package com.m365backup.restore.query.readmodel;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class CopyRowsTest {

    @Test
    void a_time_is_written_in_utc_as_the_instant_rounded_half_up_to_the_microsecond() {
        Random random = new Random(20_261_201L);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-30_610_224_000L, 253_402_300_799L),
                    i % 4 == 0 ? 0 : random.nextInt(1_000_000_000));
            OffsetDateTime time = instant.atOffset(ZoneOffset.ofHours(random.nextInt(-12, 15)));

            String written = new CopyRows().time(time).toString();

            assertThat(OffsetDateTime.parse(written).toInstant()).as(written)
                    .isEqualTo(instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS));
        }
    }

    @Test
    void a_time_has_six_digits_of_fraction_and_no_offset_but_utcs() {
        assertThat(new CopyRows().time(OffsetDateTime.parse("2026-03-01T10:15:30+02:00")).toString())
                .isEqualTo("2026-03-01T08:15:30.000000Z");
        assertThat(new CopyRows().time(OffsetDateTime.parse("2026-12-31T23:59:59.9999996Z")).toString())
                .isEqualTo("2027-01-01T00:00:00.000000Z");
    }

    @Test
    void values_are_separated_by_tabs_and_escaped_and_null_is_backslash_n() {
        String rows = new CopyRows().text("a\tb\\c\nd\re").text("plain").time(null).number(7).endRow()
                .text("\\").number(null).endRow().toString();

        assertThat(rows).isEqualTo("a\\tb\\\\c\\nd\\re\tplain\t\\N\t7\n\\\\\t\\N\n");
    }
}
