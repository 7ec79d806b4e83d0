package com.m365backup.restore.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RawHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.util.stream.Stream;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What Tomcat refuses before any filter or controller runs is answered in Graph's envelope too, with
 * {@code request-id} and {@code client-request-id} (docs/api.md, Answers that never contradict the store), never
 * Tomcat's HTML error page; each is one line in the log and stores nothing.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ProtocolRejectionsTest extends RunningApplicationTest {

    private static final String ODATA_JSON = "application/json;odata.metadata=minimal";

    private RawHttp raw;

    @BeforeEach
    void connect() {
        raw = new RawHttp(port);
    }

    static Stream<Arguments> refusedByTheServer() {
        String auth = "Host: localhost\r\nAuthorization: Bearer " + TestTokens.administrator();
        return Stream.of(
                Arguments.of("an encoded slash in the path", "GET /beta/solutions%2FbackupRestore/exchangeRestoreSessions"
                        + " HTTP/1.1", auth, null, 400, "BadRequest"),
                Arguments.of("an encoded NUL in the path", "GET " + SESSIONS + "/%00 HTTP/1.1", auth, null, 400,
                        "BadRequest"),
                Arguments.of("a path of 20 KB", "GET " + SESSIONS + "/" + "a".repeat(20_000) + " HTTP/1.1", auth,
                        null, 400, "BadRequest"),
                Arguments.of("a header of 20 KB (a token that long)", "POST " + SESSIONS + " HTTP/1.1",
                        "Host: localhost\r\nContent-Type: application/json\r\nAuthorization: Bearer "
                                + "e".repeat(20_000), "{}", 400, "BadRequest"),
                Arguments.of("CONNECT", "CONNECT localhost:443 HTTP/1.1", auth, null, 405, "MethodNotAllowed"),
                Arguments.of("HTTP/2.0 in the request line", "GET " + SESSIONS + " HTTP/2.0", auth, null, 505,
                        "HttpVersionNotSupported"),
                Arguments.of("an Expect header other than 100-continue", "POST " + SESSIONS + " HTTP/1.1",
                        auth + "\r\nContent-Type: application/json\r\nExpect: a-miracle", "{}", 417,
                        "ExpectationFailed"),
                Arguments.of("a request line that is no HTTP", "HELLO", "", null, 400, "BadRequest"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("refusedByTheServer")
    void a_request_the_server_refuses_is_answered_in_graphs_envelope_and_stores_nothing(
            String description, String requestLine, String headers, String body, int status, String code,
            CapturedOutput output) {
        long before = events.eventCount();

        RawHttp.Response refused = raw.send(requestLine, headers, body);

        assertThat(refused.status()).as(refused.body()).isEqualTo(status);
        assertThat(refused.header("Content-Type")).isEqualTo(ODATA_JSON);
        String requestId = refused.header("request-id");
        assertThat(requestId).matches("[0-9a-f-]{36}");
        assertThat(refused.header("client-request-id")).isNotBlank();
        JsonNode error = refused.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank().doesNotContain("Exception", "org.apache", "<");
        assertThat(error.get("innerError").get("request-id").asText()).isEqualTo(requestId);
        assertThat(error.get("innerError").get("client-request-id").asText())
                .isEqualTo(refused.header("client-request-id"));
        assertThat(error.get("innerError").get("date").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d");
        assertThat(events.eventCount()).isEqualTo(before);
        assertThat(output.getAll()).doesNotContain("\tat org.apache").doesNotContain("<html");
    }

    @Test
    void a_safe_client_request_id_is_echoed_even_when_the_server_refuses_the_request() {
        RawHttp.Response refused = raw.send("GET " + SESSIONS + " HTTP/2.0",
                "Host: localhost\r\nclient-request-id: my-own-id-1", null);

        assertThat(refused.status()).isEqualTo(505);
        assertThat(refused.header("client-request-id")).isEqualTo("my-own-id-1");
        assertThat(refused.json().at("/error/innerError/client-request-id").asText()).isEqualTo("my-own-id-1");
    }

    @Test
    void a_path_spring_securitys_firewall_refuses_is_answered_in_graphs_envelope() {
        RawHttp.Response refused = raw.send("GET /beta/solutions/backupRestore;x=1/exchangeRestoreSessions"
                + " HTTP/1.1", "Host: localhost\r\nAuthorization: Bearer " + TestTokens.administrator(), null);

        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.header("Content-Type")).isEqualTo(ODATA_JSON);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(refused.json().at("/error/innerError/request-id").asText()).isEqualTo(refused.header("request-id"));
    }
}
