package com.m365backup.restore.session;

import com.m365backup.restore.EventStoreReader;
import com.m365backup.restore.GraphHttp;
import com.m365backup.restore.IntegrationTest;
import com.m365backup.restore.TestCatalog;
import com.m365backup.restore.query.restorepoint.RestorePointCatalogImport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Concurrency at the HTTP level: every session carries its version as {@code @odata.etag} and {@code ETag}, and a
 * write whose {@code If-Match} names an older version is refused with 412 and changes nothing.
 */
@IntegrationTest
class IfMatchTest {

    private static final String SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final String ALL_SESSIONS = "/beta/solutions/backupRestore/restoreSessions";

    @LocalServerPort
    int port;

    @Autowired
    RestorePointCatalogImport catalogImport;

    @Autowired
    JdbcTemplate jdbc;

    @Value("${restore.default-tenant-id}")
    String tenant;

    private GraphHttp http;
    private TestCatalog catalog;
    private EventStoreReader events;
    private String sessionId;
    private String etag;

    @BeforeEach
    void aSessionReadOnce() {
        http = new GraphHttp(port);
        catalog = new TestCatalog(catalogImport, tenant);
        events = new EventStoreReader(jdbc);
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(catalog.restorePoint("rp-etag-" + UUID.randomUUID())));
        assertThat(created.status()).isEqualTo(201);
        sessionId = created.json().get("id").asText();
        etag = created.json().get("@odata.etag").asText();
        assertThat(created.header("ETag")).isEqualTo(etag);
    }

    @Test
    void a_read_session_carries_the_same_etag_in_its_body_and_header() {
        GraphHttp.Response read = http.get(SESSIONS + "/" + sessionId);

        assertThat(read.header("ETag")).isEqualTo(etag);
        assertThat(read.json().get("@odata.etag").asText()).isEqualTo(etag);
    }

    @Test
    void a_patch_with_the_current_etag_changes_the_session_and_its_etag() {
        GraphHttp.Response patched = http.send("PATCH", SESSIONS + "/" + sessionId, add(), "If-Match", etag);

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(http.get(SESSIONS + "/" + sessionId).header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void a_patch_with_a_stale_etag_is_refused_with_412_and_changes_nothing() {
        changeSession();
        List<String> before = events.eventTypesOf(sessionId);

        GraphHttp.Response refused = http.send("PATCH", SESSIONS + "/" + sessionId, add(), "If-Match", etag);

        assertThat(refused.status()).as(refused.body()).isEqualTo(412);
        assertThat(refused.errorCode()).isEqualTo("PreconditionFailed");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
    }

    @Test
    void activating_or_deleting_with_a_stale_etag_is_refused_with_412_and_changes_nothing() {
        changeSession();
        List<String> before = events.eventTypesOf(sessionId);

        GraphHttp.Response activate = http.send("POST", ALL_SESSIONS + "/" + sessionId + "/activate", "",
                "If-Match", etag);
        GraphHttp.Response delete = http.send("DELETE", ALL_SESSIONS + "/" + sessionId, null, "If-Match", etag);

        assertThat(activate.status()).as(activate.body()).isEqualTo(412);
        assertThat(activate.errorCode()).isEqualTo("PreconditionFailed");
        assertThat(delete.status()).as(delete.body()).isEqualTo(412);
        assertThat(delete.errorCode()).isEqualTo("PreconditionFailed");
        assertThat(events.eventTypesOf(sessionId)).isEqualTo(before);
        assertThat(http.get(SESSIONS + "/" + sessionId).json().get("status").asText()).isEqualTo("draft");
    }

    @Test
    void deleting_with_the_current_etag_deletes_the_session() {
        String current = http.get(SESSIONS + "/" + sessionId).header("ETag");

        GraphHttp.Response deleted = http.send("DELETE", ALL_SESSIONS + "/" + sessionId, null, "If-Match", current);

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(http.get(SESSIONS + "/" + sessionId).status()).isEqualTo(404);
    }

    private void changeSession() {
        assertThat(http.patch(SESSIONS + "/" + sessionId, add()).status()).isEqualTo(200);
    }

    private String add() {
        return """
                {"mailboxRestoreArtifacts@delta": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(catalog.restorePoint("rp-etag-more-" + UUID.randomUUID()));
    }
}
