package com.m365backup.restore.app.eventstore;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StoredInstantsTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule());
    private static final ObjectMapper STORED = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(StoredInstants.module());

    @Test
    void reads_every_instant_as_jacksons_own_deserializer_reads_it() throws Exception {
        Random random = new Random(20_261_201L);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            Instant written = switch (i % 4) {
                case 0 -> instant.truncatedTo(ChronoUnit.SECONDS);
                case 1 -> instant.truncatedTo(ChronoUnit.MILLIS);
                case 2 -> instant.truncatedTo(ChronoUnit.MICROS);
                default -> instant;
            };
            String json = JACKSON.writeValueAsString(written.toString());
            assertThat(STORED.readValue(json, Instant.class)).isEqualTo(JACKSON.readValue(json, Instant.class))
                    .isEqualTo(written);
        }
    }

    @Test
    void leaves_every_other_form_to_jackson() throws Exception {
        for (String other : List.of("\"2026-03-01T10:15:30+02:00\"", "\"2026-03-01T10:15:30.1234567890Z\"",
                "\"+12026-03-01T10:15:30Z\"", "\"2026-03-01T10:15Z\"", "1772360130", "1772360130.5",
                "\"2026-03-01T10:15:30.Z\"")) {
            Object jackson;
            try {
                jackson = JACKSON.readValue(other, Instant.class);
            } catch (Exception refused) {
                assertThatThrownBy(() -> STORED.readValue(other, Instant.class)).isInstanceOf(refused.getClass());
                continue;
            }
            assertThat(STORED.readValue(other, Instant.class)).as(other).isEqualTo(jackson);
        }
    }

    @Test
    void refuses_what_is_no_instant_as_jackson_does() {
        for (String wrong : List.of("\"2026-02-30T10:15:30Z\"", "\"2026-13-01T10:15:30Z\"", "\"2026-03-01T24:15:30Z\"",
                "\"2026-03-01T10:15:3xZ\"", "\"not a time at all, long\"")) {
            assertThatThrownBy(() -> JACKSON.readValue(wrong, Instant.class)).as(wrong).isNotNull();
            assertThatThrownBy(() -> STORED.readValue(wrong, Instant.class)).as(wrong).isNotNull();
        }
    }
}
