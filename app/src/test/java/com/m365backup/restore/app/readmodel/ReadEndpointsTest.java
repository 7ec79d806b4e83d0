package com.m365backup.restore.app.readmodel;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.query.AwaitRestoreSessionVersion;
import com.m365backup.restore.domain.session.CreateRestoreSession;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skyscreamer.jsonassert.JSONAssert;
import org.skyscreamer.jsonassert.JSONCompareMode;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The GET endpoints over real HTTP, with the application's error envelope and headers: sessions are made with
 * commands, as the write side would, and read back as a Graph client reads them.
 */
@IntegrationTest
class ReadEndpointsTest extends RunningApplicationTest {

    private static final Instant CREATED = Instant.parse("2026-03-30T12:01:03.450Z");
    private static final Instant EXPIRES = Instant.parse("2027-01-01T00:00:00Z");

    @Autowired
    CommandGateway commands;

    @Autowired
    QueryGateway queries;

    private String session;
    private String artifact;

    @BeforeEach
    void aSessionWithOneArtifact() {
        session = UUID.randomUUID().toString();
        artifact = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(new CreateRestoreSession(session, tenant,
                        List.of(new NewMailboxArtifact(artifact, "rp-" + session, "mailbox-" + session, EXPIRES,
                                DestinationType.IN_PLACE)), CREATED))
                .andMetaData(Map.of(CallerMetaData.TENANT_ID, tenant,
                        CallerMetaData.USER_ID, "u-megan", CallerMetaData.USER_NAME, "Megan Bowen")));
        assertThat(queries.query(new AwaitRestoreSessionVersion(session, 1), Boolean.class).join()).isTrue();
    }

    @Test
    void a_session_reads_with_its_artifacts_as_graph_json() throws Exception {
        GraphHttp.Response read = http.get(SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts");

        assertThat(read.status()).isEqualTo(200);
        assertThat(read.header("Content-Type")).isEqualTo("application/json;odata.metadata=minimal");
        assertThat(read.header("ETag")).isEqualTo("W/\"1\"");
        JSONAssert.assertEquals("""
                {
                  "@odata.type": "#microsoft.graph.exchangeRestoreSession",
                  "@odata.etag": "W/\\"1\\"",
                  "id": "%1$s",
                  "status": "draft",
                  "createdBy": {"user": {"id": "u-megan", "displayName": "Megan Bowen"}},
                  "createdDateTime": "2026-03-30T12:01:03.45Z",
                  "lastModifiedBy": {"user": {"id": "u-megan", "displayName": "Megan Bowen"}},
                  "lastModifiedDateTime": "2026-03-30T12:01:03.45Z",
                  "completedDateTime": null,
                  "error": null,
                  "restoreJobType": "standard",
                  "restoreSessionArtifactCount": {"total": 1, "completed": 0, "failed": 0, "inProgress": 0},
                  "mailboxRestoreArtifacts": [{
                    "@odata.type": "#microsoft.graph.mailboxRestoreArtifact",
                    "id": "%2$s",
                    "restorePoint": {"id": "rp-%1$s", "expirationDateTime": "2027-01-01T00:00:00Z"},
                    "destinationType": "inPlace",
                    "status": "added",
                    "createdDateTime": "2026-03-30T12:01:03.45Z",
                    "startDateTime": null,
                    "completionDateTime": null,
                    "error": null,
                    "restoredFolderId": null,
                    "restoredFolderName": null
                  }]
                }""".formatted(session, artifact), read.body(), JSONCompareMode.STRICT);
    }

    @Test
    void the_list_of_sessions_pages_with_a_next_link_that_reads_the_next_page() {
        GraphHttp.Response first = http.get(SESSIONS + "?$top=1&$count=true");
        String nextLink = first.json().get("@odata.nextLink").asText();
        GraphHttp.Response second = http.get(nextLink.substring(("http://127.0.0.1:" + port).length()));

        assertThat(first.status()).isEqualTo(200);
        assertThat(first.json().get("@odata.context").asText())
                .isEqualTo("http://127.0.0.1:" + port + "/beta/$metadata#solutions/backupRestore/exchangeRestoreSessions");
        assertThat(first.json().get("@odata.count").asLong()).isGreaterThanOrEqualTo(1);
        assertThat(first.json().get("value")).hasSize(1);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().get("value").get(0).get("id").asText())
                .isNotEqualTo(first.json().get("value").get(0).get("id").asText());
    }

    @Test
    void the_count_of_artifacts_is_plain_text() {
        GraphHttp.Response count = http.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts/$count");

        assertThat(count.status()).isEqualTo(200);
        assertThat(count.header("Content-Type")).startsWith("text/plain");
        assertThat(count.body()).isEqualTo("1");
    }

    @Test
    void an_unknown_session_is_a_graph_error_with_its_code() {
        GraphHttp.Response missing = http.get("/v1.0/solutions/backupRestore/restoreSessions/" + UUID.randomUUID());

        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.errorCode()).isEqualTo("RestoreSessionNotFound");
        assertThat(missing.json().get("error").get("message").asText()).endsWith("was not found.");
        assertThat(missing.json().get("error").get("innerError").get("request-id").asText())
                .isEqualTo(missing.header("request-id"));
    }

    @Test
    void an_unsupported_query_option_is_a_bad_request_naming_it() {
        GraphHttp.Response refused = http.get(SESSIONS + "?$search=mailbox");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BadRequest");
        assertThat(refused.json().get("error").get("message").asText()).contains("'$search'");
    }

    @Test
    void a_malformed_session_id_is_refused_as_invalid() {
        GraphHttp.Response refused = http.get(SESSIONS + "/not-a-guid/mailboxRestoreArtifacts");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("InvalidRestoreSessionId");
    }
}
