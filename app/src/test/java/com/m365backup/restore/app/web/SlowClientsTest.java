package com.m365backup.restore.app.web;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Slow clients cannot hold the service's workers (docs/api.md, Answers that never contradict the store): 200
 * connections that send a request body a byte at a time leave every other request answered at once, and are cut
 * off with 408 in Graph's envelope once {@code restore.http.body-timeout} is up, having stored nothing. Loopback
 * only; the test takes the body timeout and a few seconds.
 */
@IntegrationTest
class SlowClientsTest extends RunningApplicationTest {

    private static final int SLOW_CLIENTS = 200;
    /** More than Tomcat's 200 worker threads: had each slow client one, the others would wait. */
    private static final Duration ANSWERED_WITHIN = Duration.ofSeconds(1);

    @Autowired
    HttpSettings settings;

    @Test
    void two_hundred_clients_trickling_a_body_hold_no_worker_and_are_cut_off_with_408() throws Exception {
        Duration bodyTimeout = settings.bodyTimeout();
        long sessionsBefore = events.sessionsCreated();
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < SLOW_CLIENTS; i++) {
                slow.add(startSlowBody(i % 2 == 0));
            }
            long started = System.nanoTime();
            int sent = 0;
            // A byte a second from each slow client, and ordinary requests in between, until the time is up.
            while (elapsed(started).compareTo(bodyTimeout.minusSeconds(2)) < 0) {
                for (Socket client : slow) {
                    client.getOutputStream().write(' ');
                }
                sent++;
                long asked = System.nanoTime();
                GraphHttp.Response answered = http.get(SESSIONS + "?$top=1");
                assertThat(answered.status()).isEqualTo(200);
                assertThat(elapsed(asked)).as("a normal request beside %d slow ones", SLOW_CLIENTS)
                        .isLessThan(ANSWERED_WITHIN);
                // The slow clients' pace, a byte a second each: the scenario, not a wait for an outcome.
                Thread.sleep(1000);
            }
            assertThat(sent).isGreaterThanOrEqualTo(5);

            for (Socket client : slow) {
                String answer = answerOf(client, bodyTimeout.plusSeconds(10));
                assertThat(answer).startsWith("HTTP/1.1 408 ");
                assertThat(answer).contains("request-id: ").contains("Connection: close")
                        .contains("Content-Type: application/json;odata.metadata=minimal")
                        .contains("\"code\":\"RequestTimeout\"");
            }
        } finally {
            for (Socket client : slow) {
                client.close();
            }
        }
        assertThat(events.sessionsCreated()).isEqualTo(sessionsBefore);
    }

    @Test
    void an_answer_larger_than_the_connections_buffers_is_written_whole() {
        for (int i = 0; i < 120; i++) {
            assertThat(http.post(SESSIONS, "{}").status()).isEqualTo(201);
        }

        GraphHttp.Response page = http.get(SESSIONS + "?$top=1000");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body().length()).isGreaterThan(ResponseWriteLimit.DIRECT_WRITE_LIMIT);
        assertThat(page.header("Content-Length")).isEqualTo(Integer.toString(page.body().length()));
        assertThat(page.json().get("value").size()).isGreaterThanOrEqualTo(120);
    }

    /** A create whose body never comes: its headers promise 1,000 bytes, half the clients without a token. */
    private Socket startSlowBody(boolean withToken) throws IOException {
        Socket client = new Socket();
        client.connect(new InetSocketAddress("127.0.0.1", port), 5000);
        String head = "POST " + SESSIONS + " HTTP/1.1\r\nHost: localhost\r\n"
                + (withToken ? "Authorization: Bearer " + TestTokens.administrator() + "\r\n" : "")
                + "Content-Type: application/json\r\nContent-Length: 1000\r\n\r\n{";
        client.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
        return client;
    }

    private static String answerOf(Socket client, Duration wait) throws IOException {
        client.setSoTimeout((int) wait.toMillis());
        InputStream in = client.getInputStream();
        ByteArrayOutputStream answer = new ByteArrayOutputStream();
        byte[] chunk = new byte[4096];
        try {
            for (int count = in.read(chunk); count >= 0; count = in.read(chunk)) {
                answer.write(chunk, 0, count);
            }
        } catch (SocketTimeoutException notClosed) {
            throw new AssertionError("The slow client was not cut off within " + wait + "; it got: " + answer);
        } catch (IOException reset) {
            // Closed by the server right after its answer: what came is the answer.
        }
        return answer.toString(StandardCharsets.UTF_8);
    }

    private static Duration elapsed(long since) {
        return Duration.ofNanos(System.nanoTime() - since);
    }
}
