package com.m365backup.restore.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static com.m365backup.restore.app.GraphPaths.ROOT;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What is malformed is refused, not guessed at: a body with a key given twice, a value of the wrong JSON type, an
 * enum member in another case than Graph's (docs/api.md, Answers that never contradict the store), a query option
 * given twice; each is a 400 with the endpoint's own code, and stores nothing. And {@code $count} answers the number
 * to the {@code Accept} most HTTP clients send.
 */
@IntegrationTest
class StrictRequestsTest extends RunningApplicationTest {

    private static final String SEARCH = ROOT + "/restorePoints/search";
    private static final String PERIOD = """
            "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2036-01-01T00:00:00Z"}""";
    private static final String UNIT = "\"e31499c5-3bfa-57dd-9638-c6350c5bcff8\"";

    static Stream<Arguments> malformedCreates() {
        String artifact = """
                {"restorePoint": {"@odata.id": "0b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "%s"}""";
        return Stream.of(
                Arguments.of("the artifacts twice, the last one holding an artifact", """
                        {"mailboxRestoreArtifacts": [], "mailboxRestoreArtifacts": [%s]}"""
                        .formatted(artifact.formatted("inPlace")), "BadRequest"),
                Arguments.of("a key twice inside an artifact", """
                        {"mailboxRestoreArtifacts": [{"restorePoint": {"@odata.id": "x", "@odata.id": "y"},
                          "destinationType": "inPlace"}]}""", "BadRequest"),
                Arguments.of("INPLACE", "{\"mailboxRestoreArtifacts\": [%s]}".formatted(artifact.formatted("INPLACE")),
                        "InvalidPathType"),
                Arguments.of("New", "{\"mailboxRestoreArtifacts\": [%s]}".formatted(artifact.formatted("New")),
                        "InvalidPathType"));
    }

    @ParameterizedTest(name = "a create with {0} is refused")
    @MethodSource("malformedCreates")
    void a_malformed_create_is_refused_and_creates_nothing(String description, String body, String code) {
        long before = events.sessionsCreated();

        assertRefused(http.post(SESSIONS, body), code);
        assertThat(events.sessionsCreated()).isEqualTo(before);
    }

    static Stream<Arguments> malformedSearches() {
        return Stream.of(
                Arguments.of("a number as a protection unit id", "{\"protectionUnitIds\": [1], " + PERIOD + "}"),
                Arguments.of("a fraction as a protection unit id", "{\"protectionUnitIds\": [3.14], " + PERIOD + "}"),
                Arguments.of("an object as a protection unit id", "{\"protectionUnitIds\": [{}], " + PERIOD + "}"),
                Arguments.of("a null protection unit id", "{\"protectionUnitIds\": [null], " + PERIOD + "}"),
                Arguments.of("a string as the ids", "{\"protectionUnitIds\": " + UNIT + ", " + PERIOD + "}"),
                Arguments.of("an id of 40 KB", "{\"protectionUnitIds\": [\"" + "u".repeat(40_000) + "\"], "
                        + PERIOD + "}"),
                Arguments.of("a number as a time", "{\"protectionUnitIds\": [" + UNIT + "], \"protectionTimePeriod\": "
                        + "{\"startDateTime\": 1e308, \"endDateTime\": \"2036-01-01T00:00:00Z\"}}"),
                Arguments.of("a time without an offset", "{\"protectionUnitIds\": [" + UNIT + "], "
                        + "\"protectionTimePeriod\": {\"startDateTime\": \"2026-01-01T00:00:00\", "
                        + "\"endDateTime\": \"2036-01-01T00:00:00Z\"}}"),
                Arguments.of("the ids twice", "{\"protectionUnitIds\": [\"nobody\"], \"protectionUnitIds\": [" + UNIT
                        + "], " + PERIOD + "}"),
                Arguments.of("LATEST", "{\"protectionUnitIds\": [" + UNIT + "], \"restorePointPreference\": "
                        + "\"LATEST\", " + PERIOD + "}"),
                Arguments.of("FastRestore", "{\"protectionUnitIds\": [" + UNIT + "], \"tags\": \"FastRestore\", "
                        + PERIOD + "}"),
                Arguments.of("a property the search does not take", "{\"protectionUnitIds\": [" + UNIT + "], "
                        + "\"tenantId\": \"" + TestTokens.OTHER_TENANT + "\", " + PERIOD + "}"),
                Arguments.of("comments", "{\"protectionUnitIds\": [" + UNIT + "], // all of them\n" + PERIOD + "}"),
                Arguments.of("no body", ""));
    }

    @ParameterizedTest(name = "a search with {0} is invalid")
    @MethodSource("malformedSearches")
    void a_malformed_search_is_an_invalid_search_request(String description, String body) {
        assertRefused(http.post(SEARCH, body), "InvalidSearchRequest");
    }

    @Test
    void a_well_formed_search_still_finds_the_restore_points() {
        GraphHttp.Response found = http.post(SEARCH, "{\"protectionUnitIds\": [" + UNIT + "], "
                + "\"restorePointPreference\": \"latest\", \"tags\": \"none\", " + PERIOD + "}");

        assertThat(found.status()).as(found.body()).isEqualTo(200);
        assertThat(found.json().get("searchResults")).isNotEmpty();
    }

    @ParameterizedTest(name = "GET {0} is refused naming {1}")
    @CsvSource(delimiter = '|', value = {
            "?$filter=status%20eq%20'DRAFT' | DRAFT",
            "?$filter=status%20eq%20'Draft' | Draft",
            "?$filter=status%20eq%20'UnknownFutureValue' | UnknownFutureValue",
            "?$top=1&$top=2 | $top",
            "?$top=1&$TOP=2 | $TOP",
            "?$count=true&$count=true | $count",
            "?$filter=status%20eq%20'draft'&$filter=status%20eq%20'active' | $filter"})
    void a_bad_enum_member_or_a_doubled_option_in_a_query_is_a_bad_request(String query, String named) {
        GraphHttp.Response refused = http.get(SESSIONS + query);

        assertRefused(refused, "BadRequest");
        assertThat(refused.json().at("/error/message").asText()).contains(named);
    }

    @Test
    void every_get_refuses_a_doubled_option() {
        String session = http.post(SESSIONS, "{}").json().get("id").asText();

        for (String path : List.of(SESSIONS + "/" + session + "?$select=status&$select=id",
                SESSIONS + "/" + session + "/mailboxRestoreArtifacts?$top=1&$top=1",
                SESSIONS + "/" + session + "/mailboxRestoreArtifacts?$filter=status%20eq%20'ADDED'",
                SESSIONS + "/" + session + "/mailboxRestoreArtifacts/$count?$top=1",
                ROOT + "/restoreSessions?$top=1&$top=1",
                ROOT + "/restoreSessions/" + session + "?$select=id&$select=id",
                ROOT + "/restorePoints/0a014d8c-71fe-4d00-a01a-31850bc5b32c?$expand=protectionUnit&$expand=protectionUnit",
                "/audit/restoreSessions/" + session + "?version=1&version=2",
                "/audit/restoreSessions/" + session + "?asOf=2026-01-01T00:00:00Z&asOf=2027-01-01T00:00:00Z",
                "/audit/restoreSessions/" + session + "/events?$top=1&$top=2")) {
            GraphHttp.Response refused = http.get(path);

            assertThat(refused.status()).as(path + ": " + refused.body()).isEqualTo(400);
            assertThat(refused.errorCode()).as(path).isEqualTo("BadRequest");
        }
    }

    @ParameterizedTest(name = "Accept: {0}")
    @CsvSource(delimiter = '|', value = {
            "text/plain | text/plain;charset=UTF-8",
            "*/* | text/plain;charset=UTF-8",
            "application/json | application/json;odata.metadata=minimal",
            "application/json;odata.metadata=minimal | application/json;odata.metadata=minimal",
            "application/json, text/plain;q=0.5 | application/json;odata.metadata=minimal"})
    void the_count_of_artifacts_is_the_number_for_any_accept_that_admits_text_or_json(String accept, String type) {
        String session = http.post(SESSIONS, "{}").json().get("id").asText();

        GraphHttp.Response count = http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts/$count", "Accept",
                accept);

        assertThat(count.status()).as(count.body()).isEqualTo(200);
        assertThat(count.body()).isEqualTo("0");
        assertThat(count.header("Content-Type")).isEqualTo(type);
        assertThat(count.header("request-id")).isNotBlank();
    }

    @Test
    void the_count_of_artifacts_is_406_for_an_accept_that_admits_neither() {
        String session = http.post(SESSIONS, "{}").json().get("id").asText();

        GraphHttp.Response refused = http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts/$count", "Accept",
                "application/xml");

        assertThat(refused.status()).as(refused.body()).isEqualTo(406);
        assertThat(refused.errorCode()).isEqualTo("NotAcceptable");
    }

    @Test
    void the_refusals_of_a_token_a_permission_and_a_size_carry_the_same_content_type_as_every_answer() {
        String type = "application/json;odata.metadata=minimal";
        GraphHttp.Response unauthenticated = http.as(null).get(SESSIONS);
        GraphHttp.Response forbidden = http.as(TestTokens.user(TestTokens.TENANT, List.of("User.Read"), List.of()))
                .get(SESSIONS);
        GraphHttp.Response tooLarge = http.post(SESSIONS, "{\"padding\": \"" + "x".repeat(1_100_000) + "\"}");

        assertThat(List.of(unauthenticated.status(), forbidden.status(), tooLarge.status()))
                .containsExactly(401, 403, 413);
        assertThat(List.of(unauthenticated.header("Content-Type"), forbidden.header("Content-Type"),
                tooLarge.header("Content-Type"))).containsOnly(type);
    }

    private static void assertRefused(GraphHttp.Response response, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        JsonNode error = response.json().get("error");
        assertThat(error.get("code").asText()).as(response.body()).isEqualTo(code);
        assertThat(error.get("message").asText()).isNotBlank()
                .doesNotContain("Exception", "com.fasterxml", "org.springframework", "com.m365backup");
        assertThat(error.get("innerError").get("request-id").asText()).isEqualTo(response.header("request-id"));
    }
}
