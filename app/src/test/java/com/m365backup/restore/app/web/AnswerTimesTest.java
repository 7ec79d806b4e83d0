package com.m365backup.restore.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class AnswerTimesTest {

    private static final ObjectMapper JACKSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
    private static final ObjectMapper ANSWERS = new ObjectMapper().registerModule(new JavaTimeModule())
            .registerModule(new AnswerTimes()).disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    @Test
    void writes_every_time_as_jacksons_own_serializer_writes_it() throws Exception {
        Random random = new Random(20_261_201L);
        for (int i = 0; i < 20_000; i++) {
            Instant instant = Instant.ofEpochSecond(random.nextLong(-62_135_596_800L, 253_402_300_799L),
                    random.nextInt(1_000_000_000));
            Instant shown = switch (i % 5) {
                case 0 -> instant.truncatedTo(ChronoUnit.SECONDS);
                case 1 -> instant.truncatedTo(ChronoUnit.MILLIS);
                case 2 -> instant.truncatedTo(ChronoUnit.MICROS);
                case 3 -> instant.truncatedTo(ChronoUnit.MINUTES);
                default -> instant;
            };
            OffsetDateTime time = shown.atOffset(ZoneOffset.UTC);
            assertThat(ANSWERS.writeValueAsString(time)).isEqualTo(JACKSON.writeValueAsString(time));
        }
    }

    @Test
    void leaves_other_offsets_and_years_to_jackson() throws Exception {
        for (OffsetDateTime time : List.of(OffsetDateTime.parse("2026-03-01T10:15:30.5+02:00"),
                OffsetDateTime.parse("+12026-03-01T10:15:30Z"), OffsetDateTime.parse("-0001-03-01T10:15:30Z"))) {
            assertThat(ANSWERS.writeValueAsString(time)).isEqualTo(JACKSON.writeValueAsString(time));
        }
    }
}
