package com.m365backup.restore.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.FastRestores;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphAnswers.json;
import static com.m365backup.restore.app.GraphPaths.ROOT;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A session that ends with failed artifacts carries Graph's publicError (docs/api.md, Resources: {@code error}): a
 * code naming how it ended, a sentence, and one detail per failed artifact with that artifact's own code and message
 * and its id as the target; the same in every read of the session. A session that ends completed carries none.
 */
@FastRestores
class SessionErrorTest extends RunningApplicationTest {

    private static final String INCLUDE = "include-unknown-enum-members";

    @Test
    void a_session_that_completed_with_error_names_each_failed_artifact_in_its_error() {
        String session = runToEnd(catalog.restorePoint("ok-" + UUID.randomUUID()),
                catalog.restorePoint("failing-point-1"));
        JsonNode expanded = read(SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts");
        JsonNode failed = StreamSupport.stream(expanded.get("mailboxRestoreArtifacts").spliterator(), false)
                .filter(artifact -> artifact.get("status").asText().equals("failed")).findFirst().orElseThrow();

        JsonNode expected = json("""
                {"code": "RestoreSessionCompletedWithError",
                 "message": "1 of the session's 2 artifacts could not be restored; each is named in the details, the others were restored.",
                 "details": [{"code": "%s", "message": %s, "target": "%s"}]}""".formatted(
                failed.get("error").get("code").asText(), failed.get("error").get("message").toString(),
                failed.get("id").asText()));
        assertThat(expanded.get("status").asText()).isEqualTo("completedWithError");
        assertThat(failed.get("error").get("code").asText()).isEqualTo("UnknownError");
        assertThat(expanded.get("error")).isEqualTo(expected);
        assertThat(read(SESSIONS + "/" + session).get("error")).isEqualTo(expected);
        assertThat(read(ROOT + "/restoreSessions/" + session).get("error")).isEqualTo(expected);
        assertThat(listed(session).get("error")).isEqualTo(expected);
    }

    @Test
    void a_session_whose_every_artifact_failed_says_so_in_its_error() {
        String session = runToEnd(catalog.restorePoint("failing-point-2"), catalog.restorePoint("failing-point-3"));

        JsonNode ended = read(SESSIONS + "/" + session);

        assertThat(ended.get("status").asText()).isEqualTo("failed");
        assertThat(ended.get("error").get("code").asText()).isEqualTo("RestoreSessionFailed");
        assertThat(ended.get("error").get("message").asText())
                .isEqualTo("None of the session's 2 artifacts could be restored; each is named in the details.");
        assertThat(ended.get("error").get("details")).hasSize(2).allSatisfy(detail -> {
            assertThat(detail.get("code").asText()).isEqualTo("UnknownError");
            assertThat(detail.get("target").asText()).isNotBlank();
        });
        assertThat(http.get(SESSIONS + "/" + session).json().get("status").asText()).isEqualTo("unknownFutureValue");
    }

    @Test
    void a_session_that_completed_carries_no_error() {
        String session = runToEnd(catalog.restorePoint("ok-" + UUID.randomUUID()));

        JsonNode ended = read(SESSIONS + "/" + session);

        assertThat(ended.get("status").asText()).isEqualTo("completed");
        assertThat(ended.get("error").isNull()).isTrue();
    }

    private String runToEnd(String... restorePoints) {
        String artifacts = String.join(",", List.of(restorePoints).stream().map("""
                {"restorePoint": {"id": "%s"}, "destinationType": "new"}"""::formatted).toList());
        GraphHttp.Response created = http.post(SESSIONS, "{\"mailboxRestoreArtifacts\": [" + artifacts + "]}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String session = created.json().get("id").asText();
        assertThat(http.post(ROOT + "/restoreSessions/" + session + "/activate", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> read(SESSIONS + "/" + session),
                body -> !body.get("completedDateTime").isNull());
        return session;
    }

    private JsonNode read(String path) {
        GraphHttp.Response response = http.get(path, "Prefer", INCLUDE);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private JsonNode listed(String session) {
        JsonNode page = read(SESSIONS + "?$filter=status%20eq%20'completedWithError'&$top=1000");
        return StreamSupport.stream(page.get("value").spliterator(), false)
                .filter(listed -> listed.get("id").asText().equals(session)).findFirst().orElseThrow();
    }
}
