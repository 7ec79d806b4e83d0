package com.m365backup.restore.app.session;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.policy.Permission;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create sent again by the same caller, as Graph SDKs retry (the same client-request-id and body, marked with
 * {@code Retry-Attempt}), answers the session the first one made (docs/api.md, Answers that never contradict the
 * store): an SDK that retries a create whose answer it lost makes one session, not two. Without the mark it is a create
 * of its own: the Graph Java SDK sends one client-request-id with all of a client's requests.
 */
@IntegrationTest
class RepeatedCreateTest extends RunningApplicationTest {

    @Test
    void a_create_retried_with_its_client_request_id_answers_the_first_session() {
        String request = UUID.randomUUID().toString();
        long before = events.sessionsCreated();

        GraphHttp.Response first = create(http, request);
        GraphHttp.Response again = retry(http, request, "1");

        assertThat(first.status()).isEqualTo(201);
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.json()).isEqualTo(first.json());
        assertThat(events.sessionsCreated()).isEqualTo(before + 1);
    }

    @Test
    void the_same_client_request_id_of_another_caller_is_another_create() {
        String request = UUID.randomUUID().toString();
        GraphHttp otherUser = http.as(TestTokens.application(TestTokens.TENANT, UUID.randomUUID().toString(),
                "Other app", List.of(Permission.READ_WRITE)));

        String mine = create(http, request).json().get("id").asText();
        String theirs = retry(otherUser, request, "1").json().get("id").asText();

        assertThat(theirs).isNotEqualTo(mine);
    }

    /** The Graph Java SDK sends one client-request-id with every request of a client: two creates, two sessions. */
    @Test
    void the_same_create_not_marked_as_a_retry_is_another_session() {
        String request = UUID.randomUUID().toString();

        String one = create(http, request).json().get("id").asText();
        String two = create(http, request).json().get("id").asText();

        assertThat(two).isNotEqualTo(one);
        assertThat(retry(http, request, "1").json().get("id").asText()).as("a retry answers the latest of them")
                .isEqualTo(two);
    }

    @Test
    void a_retry_with_another_body_is_another_create() {
        String request = UUID.randomUUID().toString();

        String empty = create(http, request).json().get("id").asText();
        String other = http.send("POST", SESSIONS, "{\"@odata.type\": \"#microsoft.graph.exchangeRestoreSession\"}",
                "client-request-id", request, "Retry-Attempt", "1").json().get("id").asText();

        assertThat(other).isNotEqualTo(empty);
    }

    @Test
    void creates_without_a_client_request_id_of_their_own_are_each_a_session() {
        long before = events.sessionsCreated();

        String one = http.post(SESSIONS, "{}").json().get("id").asText();
        String two = http.post(SESSIONS, "{}").json().get("id").asText();

        assertThat(two).isNotEqualTo(one);
        assertThat(events.sessionsCreated()).isEqualTo(before + 2);
    }

    @Test
    void every_retry_of_a_create_answers_the_one_session_it_made() {
        String request = UUID.randomUUID().toString();
        long before = events.sessionsCreated();
        String made = create(http, request).json().get("id").asText();

        Set<String> answered = IntStream.rangeClosed(1, 3)
                .mapToObj(attempt -> retry(http, request, Integer.toString(attempt)))
                .peek(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201))
                .map(answer -> answer.json().get("id").asText())
                .collect(Collectors.toSet());

        assertThat(answered).containsExactly(made);
        assertThat(events.sessionsCreated()).isEqualTo(before + 1);
    }

    private static GraphHttp.Response create(GraphHttp client, String clientRequestId) {
        return client.send("POST", SESSIONS, "{}", "client-request-id", clientRequestId);
    }

    private static GraphHttp.Response retry(GraphHttp client, String clientRequestId, String attempt) {
        return client.send("POST", SESSIONS, "{}", "client-request-id", clientRequestId, "Retry-Attempt", attempt);
    }
}
