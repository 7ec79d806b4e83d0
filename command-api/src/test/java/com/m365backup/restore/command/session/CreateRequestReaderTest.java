package com.m365backup.restore.command.session;

import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.StrictJson;
import com.m365backup.restore.domain.request.RequestRefused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every answer the create request's reader gives to the bodies of {@code create-answers.tsv} (a body, a tab, the
 * answer): the artifacts it read, or the refusal with its kind, code and sentence. The answers were recorded from the
 * reader that walked the body by hand, so that reading by binding keeps each of them, the order of its checks included.
 */
class CreateRequestReaderTest {

    /** Small, so that a body at and over the limit fits on a line. */
    private static final int LIMIT = 3;

    private final CreateRequestReader reader = new CreateRequestReader(
            new StrictJson(Jackson2ObjectMapperBuilder.json().build()), new RestoreLimits(LIMIT, LIMIT, 1000));

    static Stream<Arguments> recordedAnswers() throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                CreateRequestReaderTest.class.getResourceAsStream("create-answers.tsv")),
                StandardCharsets.UTF_8))) {
            return lines.lines().map(line -> line.split("\t", 2)).map(row -> Arguments.of(row[0], row[1]))
                    .toList().stream();
        }
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("recordedAnswers")
    void a_body_is_answered_as_recorded(String body, String answer) {
        assertThat(answerTo(body)).isEqualTo(answer);
    }

    String answerTo(String body) {
        try {
            return "read " + reader.read(body.getBytes(StandardCharsets.UTF_8));
        } catch (RequestRefused refused) {
            return "refused " + refused.kind() + " " + refused.code() + " " + refused.getMessage();
        }
    }
}
