package com.m365backup.restore.app.web;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Errors and headers every Graph path shares, over real HTTP: the body size limit, the media types a client may
 * send and accept, and methods a path does not take; each refusal stores nothing.
 */
@IntegrationTest
class GraphHeadersTest extends RunningApplicationTest {

    private static final String ODATA_JSON = "application/json;odata.metadata=minimal";

    @Test
    void a_body_larger_than_the_limit_is_refused_with_413_and_stores_nothing() {
        long before = events.eventCount();
        String padding = "x".repeat(1024 * 1024 + 1);

        GraphHttp.Response refused = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}],
                 "padding": "%s"}""".formatted(catalog.restorePoint("rp-large-" + UUID.randomUUID()), padding));

        assertThat(refused.status()).isEqualTo(413);
        assertThat(refused.errorCode()).isEqualTo("RequestEntityTooLarge");
        assertThat(refused.json().get("error").get("innerError").get("request-id").asText())
                .isEqualTo(refused.header("request-id"));
        assertThat(events.eventCount()).isEqualTo(before);
    }

    @Test
    void json_with_the_odata_metadata_parameter_is_accepted_on_create_and_patch() {
        GraphHttp.Response created = http.send("POST", SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(catalog.restorePoint("rp-odata-" + UUID.randomUUID())), "Content-Type", ODATA_JSON);
        GraphHttp.Response patched = http.send("PATCH", SESSIONS + "/" + created.json().get("id").asText(), """
                {"mailboxRestoreArtifacts@delta": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(catalog.restorePoint("rp-odata-" + UUID.randomUUID())), "Content-Type", ODATA_JSON);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Content-Type")).isEqualTo(ODATA_JSON);
        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("mailboxRestoreArtifacts@delta").get(0).get("status").asText())
                .isEqualTo("added");
    }

    @Test
    void an_accept_header_that_excludes_json_is_answered_406() {
        GraphHttp.Response refused = http.send("GET", SESSIONS, null, "Accept", "text/html");

        assertThat(refused.status()).isEqualTo(406);
        assertThat(refused.header("request-id")).isNotBlank();
    }

    @Test
    void an_accept_header_naming_odata_json_is_served() {
        GraphHttp.Response read = http.send("GET", SESSIONS + "?$top=1", null, "Accept", ODATA_JSON);

        assertThat(read.status()).as(read.body()).isEqualTo(200);
        assertThat(read.header("Content-Type")).isEqualTo(ODATA_JSON);
    }

    @Test
    void a_method_the_path_does_not_take_is_405_in_graphs_envelope() {
        long before = events.eventCount();

        GraphHttp.Response refused = http.send("PUT", SESSIONS + "/" + UUID.randomUUID(), "{}");

        assertThat(refused.status()).isEqualTo(405);
        assertThat(refused.errorCode()).isEqualTo("MethodNotAllowed");
        assertThat(events.eventCount()).isEqualTo(before);
    }
}
