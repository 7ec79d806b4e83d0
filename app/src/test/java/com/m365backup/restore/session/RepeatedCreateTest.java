package com.m365backup.restore.session;

import com.m365backup.restore.EventStoreReader;
import com.m365backup.restore.GraphHttp;
import com.m365backup.restore.IntegrationTest;
import com.m365backup.restore.TestTokens;
import com.m365backup.restore.security.Permission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A create repeated with the same client-request-id by the same caller answers the session the first one made
 * (spec/api.md, Answers that never contradict the store): a Graph SDK that retries a create whose answer it lost
 * makes one session, not two.
 */
@IntegrationTest
class RepeatedCreateTest {

    private static final String SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private GraphHttp http;
    private EventStoreReader events;

    @BeforeEach
    void client() {
        http = new GraphHttp(port);
        events = new EventStoreReader(jdbc);
    }

    @Test
    void a_create_repeated_with_its_client_request_id_answers_the_first_session() {
        String request = UUID.randomUUID().toString();
        long before = events.sessionsCreated();

        GraphHttp.Response first = create(http, request);
        GraphHttp.Response again = create(http, request);

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
        String theirs = create(otherUser, request).json().get("id").asText();

        assertThat(theirs).isNotEqualTo(mine);
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
    void repetitions_at_the_same_moment_make_one_session_and_all_answer_it() throws Exception {
        String request = UUID.randomUUID().toString();
        long before = events.sessionsCreated();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Future<GraphHttp.Response>> answers = IntStream.range(0, 8)
                    .mapToObj(i -> clients.submit(() -> create(http, request)))
                    .toList();
            Set<String> sessions = answers.stream().map(RepeatedCreateTest::join)
                    .peek(answer -> assertThat(answer.status()).as(answer.body()).isEqualTo(201))
                    .map(answer -> answer.json().get("id").asText())
                    .collect(Collectors.toSet());

            assertThat(sessions).hasSize(1);
            assertThat(events.sessionsCreated()).isEqualTo(before + 1);
        } finally {
            clients.shutdown();
        }
    }

    private static GraphHttp.Response create(GraphHttp client, String clientRequestId) {
        return client.send("POST", SESSIONS, "{}", "client-request-id", clientRequestId);
    }

    private static GraphHttp.Response join(Future<GraphHttp.Response> answer) {
        try {
            return answer.get();
        } catch (Exception failed) {
            throw new IllegalStateException(failed);
        }
    }
}
