package com.m365backup.restore.command.session;

import com.m365backup.restore.domain.request.RequestRefused;
import org.junit.jupiter.params.provider.Arguments;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The answers a reader of request bodies was recorded giving: a {@code .tsv} beside the tests, a body, a tab and the
 * answer on each line; an answer is what was read, or the refusal with its kind, code and sentence.
 */
final class RecordedAnswers {

    private RecordedAnswers() {
    }

    /** Each line of {@code resource} as the arguments (body, answer) of a parameterized test. */
    static Stream<Arguments> of(String resource) throws IOException {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                RecordedAnswers.class.getResourceAsStream(resource), resource), StandardCharsets.UTF_8))) {
            return lines.lines().map(line -> line.split("\t", 2)).map(row -> Arguments.of(row[0], row[1]))
                    .toList().stream();
        }
    }

    /** The answer as recorded: {@code read} and what {@code reading} gave, or {@code refused} and why. */
    static String answer(Supplier<?> reading) {
        try {
            return "read " + reading.get();
        } catch (RequestRefused refused) {
            return "refused " + refused.kind() + " " + refused.code() + " " + refused.getMessage();
        }
    }

    static byte[] bytes(String body) {
        return body.getBytes(StandardCharsets.UTF_8);
    }
}
