package com.m365backup.restore.command.session;

import com.m365backup.restore.command.RestoreLimits;
import com.m365backup.restore.command.StrictJson;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.io.IOException;
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
        return RecordedAnswers.of("create-answers.tsv");
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @MethodSource("recordedAnswers")
    void a_body_is_answered_as_recorded(String body, String answer) {
        assertThat(RecordedAnswers.answer(() -> reader.read(RecordedAnswers.bytes(body)))).isEqualTo(answer);
    }
}
