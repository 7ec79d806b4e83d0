package com.m365backup.restore.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RawHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;

import static com.m365backup.restore.app.GraphPaths.ROOT;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Values an attacker sends where the service expects ids and times (non-ASCII ids, times beyond any calendar a
 * database keeps, crafted page tokens, control characters) are the client's mistakes: a 4xx in Graph's envelope,
 * the endpoint's own code, one log line without a stack trace, and nothing stored. Never a 500.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileValuesTest extends RunningApplicationTest {

    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";

    @Test
    void a_client_request_id_in_japanese_is_answered_as_usual_with_a_safe_id_in_its_place(CapturedOutput output) {
        RawHttp raw = new RawHttp(port);
        String headers = "Host: localhost\r\nAuthorization: Bearer " + TestTokens.administrator()
                + "\r\nclient-request-id: 日本語\r\nContent-Type: application/json";

        RawHttp.Response read = raw.send("GET " + SESSIONS + "?$top=1 HTTP/1.1", headers, null);
        RawHttp.Response created = raw.send("POST " + SESSIONS + " HTTP/1.1", headers, "{}");

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("client-request-id")).matches(GUID);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String echoed = created.header("client-request-id");
        assertThat(echoed).matches(GUID);
        List<JsonNode> stored = events.metaDataOf(created.json().get("id").asText());
        assertThat(stored).isNotEmpty().allSatisfy(metaData ->
                assertThat(metaData.get("clientRequestId").asText()).isEqualTo(echoed));
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain("ERROR");
    }

    @Test
    void another_header_with_control_characters_is_refused_naming_it() {
        RawHttp.Response refused = new RawHttp(port).send("GET " + SESSIONS + " HTTP/1.1",
                "Host: localhost\r\nAuthorization: Bearer " + TestTokens.administrator() + "\r\nX-Note: 日本語", null);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().at("/error/code").asText()).isEqualTo("BadRequest");
        assertThat(refused.json().at("/error/message").asText()).contains("'x-note'");
        assertThat(refused.json().at("/error/innerError/request-id").asText()).isEqualTo(refused.header("request-id"));
    }

    @Test
    void a_header_of_five_kilobytes_is_read_as_usual() {
        GraphHttp.Response read = http.get(SESSIONS + "?$top=1", "User-Agent", "agent/" + "x".repeat(5_000));

        assertThat(read.status()).as(read.body()).isEqualTo(200);
    }

    @ParameterizedTest(name = "GET {0}")
    @CsvSource(delimiter = '|', value = {
            "?$filter=createdDateTime%20ge%20%2B1000000-01-01T00:00:00Z",
            "?$filter=createdDateTime%20le%20-1000000-01-01T00:00:00Z",
            "?$filter=createdDateTime%20ge%2010000-01-01T00:00:00Z",
            "?$filter=createdDateTime%20ge%200000-12-31T23:59:59Z",
            "?$filter=createdDateTime%20ge%20%2B999999999-12-31T23:59:59.999999999-18:00",
            "?$skiptoken=YWZ0ZXI6LTMxNTU3MDE0MTY3MjE5MjAwLjA6eA",
            "?$skiptoken=YWZ0ZXI6MzE1NTY4ODkxNjcyMTk5OTkuOTk5OTk5OTk5Ong",
            "?$skiptoken=c2tpcDo5OTk5OTk5OTk5OQ",
            "?$filter=status%20eq%20'LONG'"})
    void a_time_beyond_the_calendar_or_a_crafted_page_token_is_a_bad_request(String query, CapturedOutput output) {
        // A literal of 6,000 characters: no pattern may recurse once per character over it.
        assertRefused(http.get(SESSIONS + query.replace("LONG", "x".repeat(6_000))), 400, "BadRequest", output);
    }

    @Test
    void a_past_state_at_a_time_beyond_the_calendar_is_a_bad_request(CapturedOutput output) {
        String session = http.post(SESSIONS, "{}").json().get("id").asText();

        assertRefused(http.get("/audit/restoreSessions/" + session + "?asOf=%2B1000000-01-01T00:00:00Z"), 400,
                "BadRequest", output);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "a start a million years ahead | [\"e31499c5-3bfa-57dd-9638-c6350c5bcff8\"] | \"+1000000-01-01T00:00:00Z\" | \"+1000001-01-01T00:00:00Z\"",
            "a start before year 1 | [\"e31499c5-3bfa-57dd-9638-c6350c5bcff8\"] | \"-0001-01-01T00:00:00Z\" | \"2026-01-01T00:00:00Z\"",
            "a NUL in an id | [\"e31499c5\\u0000\"] | \"2026-01-01T00:00:00Z\" | \"2026-12-31T00:00:00Z\"",
            "a control character in an id | [\"e31499c5\\u0007\\u001b[2J\"] | \"2026-01-01T00:00:00Z\" | \"2026-12-31T00:00:00Z\"",
            "a line break in an id | [\"e31499c5\\r\\nSet-Cookie: x\"] | \"2026-01-01T00:00:00Z\" | \"2026-12-31T00:00:00Z\""})
    void a_search_with_a_time_beyond_the_calendar_or_an_id_with_control_characters_is_invalid(
            String description, String ids, String start, String end, CapturedOutput output) {
        long before = events.eventCount();

        GraphHttp.Response refused = http.post(ROOT + "/restorePoints/search", """
                {"protectionUnitIds": %s, "protectionTimePeriod": {"startDateTime": %s, "endDateTime": %s}}"""
                .formatted(ids, start, end));

        assertRefused(refused, 400, "InvalidSearchRequest", output);
        assertThat(events.eventCount()).isEqualTo(before);
    }

    @Test
    void a_page_token_this_service_made_still_leads_to_the_next_page() {
        http.post(SESSIONS, "{}");
        http.post(SESSIONS, "{}");
        String next = http.get(SESSIONS + "?$top=1").json().get("@odata.nextLink").asText();
        String token = next.substring(next.indexOf("$skiptoken=") + "$skiptoken=".length());

        assertThat(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8)).startsWith("after:");
        assertThat(http.get(SESSIONS + "?$top=1&$skiptoken=" + token).status()).isEqualTo(200);
    }

    private static void assertRefused(GraphHttp.Response response, int status, String code, CapturedOutput output) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/json;odata.metadata=minimal");
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank()
                .doesNotContain("Exception", "org.", "com.m365backup", "SQL", "select ");
        assertThat(error.get("innerError").get("request-id").asText()).isEqualTo(response.header("request-id"));
        // One line, the request log's (written as the answer leaves): no stack trace, no error.
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getAll())
                .contains("request-id=" + response.header("request-id")));
        assertThat(output.getAll()).doesNotContain("\tat ").doesNotContain(" ERROR ");
    }
}
