package com.m365backup.restore.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.GraphSdk;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.localtokens.LocalTokenRequest;
import com.m365backup.restore.app.security.policy.Permission;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.microsoft.graph.beta.models.ExchangeRestoreSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

import static com.m365backup.restore.app.GraphAnswers.json;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static com.m365backup.restore.app.RequestBodies.ADD;
import static com.m365backup.restore.app.RequestBodies.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code createdBy} and {@code lastModifiedBy} name the caller of the token, a user by {@code oid} and {@code name},
 * an application by {@code appid}/{@code azp} and {@code app_displayname}; every stored event carries the same
 * identity and the tenant as metadata, so the audit trail shows who made each change.
 */
@IntegrationTest
class WhoDidWhatTest extends RunningApplicationTest {

    private static final String APP_ID = "0e7c3a65-1c8d-4a8b-9d0e-2f3a4b5c6d7e";
    private static final String APP_NAME = "Contoso Backup";
    private static final String OTHER_USER_ID = "c0ffee00-1111-4222-8333-444455556666";
    private static final String OTHER_USER_NAME = "Nestor Wilke";

    private GraphHttp user;
    private GraphHttp application;

    @BeforeEach
    void connect() {
        user = new GraphHttp(port);
        application = user.as(TestTokens.application(TestTokens.TENANT, APP_ID, APP_NAME,
                List.of(Permission.READ_WRITE)));
    }

    @Test
    void a_user_is_named_as_creator_and_the_next_user_as_last_modifier() {
        String session = user.post(SESSIONS, CREATE).json().get("id").asText();
        GraphHttp otherUser = user.as(TestTokens.local().issue(LocalTokenRequest.forUser(TestTokens.TENANT,
                OTHER_USER_ID, OTHER_USER_NAME, List.of(Permission.READ_WRITE), List.of())));
        assertThat(otherUser.patch(SESSIONS + "/" + session, ADD).status()).isEqualTo(200);

        JsonNode read = user.get(SESSIONS + "/" + session).json();

        assertThat(read.get("createdBy")).isEqualTo(json("{\"user\": {\"id\": \"%s\", \"displayName\": \"%s\"}}"
                .formatted(TestTokens.USER_ID, TestTokens.USER_NAME)));
        assertThat(read.get("lastModifiedBy")).isEqualTo(json("{\"user\": {\"id\": \"%s\", \"displayName\": \"%s\"}}"
                .formatted(OTHER_USER_ID, OTHER_USER_NAME)));
        List<JsonNode> metaData = events.metaDataOf(session);
        assertThat(metaData).hasSize(3);
        assertThat(metaData.subList(0, 2)).allSatisfy(event -> {
            assertThat(event.get(CallerMetaData.TENANT_ID).asText()).isEqualTo(TestTokens.TENANT);
            assertThat(event.get(CallerMetaData.USER_ID).asText()).isEqualTo(TestTokens.USER_ID);
            assertThat(event.get(CallerMetaData.USER_NAME).asText()).isEqualTo(TestTokens.USER_NAME);
            assertThat(event.has(CallerMetaData.APPLICATION_ID)).isFalse();
        });
        assertThat(metaData.get(2).get(CallerMetaData.USER_ID).asText()).isEqualTo(OTHER_USER_ID);
        assertThat(metaData.get(2).get(CallerMetaData.USER_NAME).asText()).isEqualTo(OTHER_USER_NAME);
    }

    @Test
    void an_application_is_named_as_creator_and_modifier() {
        GraphHttp.Response created = application.post(SESSIONS, CREATE);
        String session = created.json().get("id").asText();
        application.patch(SESSIONS + "/" + session, ADD);

        JsonNode read = user.get(SESSIONS + "/" + session).json();

        JsonNode app = json("{\"application\": {\"id\": \"%s\", \"displayName\": \"%s\"}}".formatted(APP_ID, APP_NAME));
        assertThat(created.json().get("createdBy")).isEqualTo(app);
        assertThat(read.get("createdBy")).isEqualTo(app);
        assertThat(read.get("lastModifiedBy")).isEqualTo(app);
        assertThat(events.metaDataOf(session)).hasSize(3).allSatisfy(event -> {
            assertThat(event.get(CallerMetaData.TENANT_ID).asText()).isEqualTo(TestTokens.TENANT);
            assertThat(event.get(CallerMetaData.APPLICATION_ID).asText()).isEqualTo(APP_ID);
            assertThat(event.get(CallerMetaData.APPLICATION_NAME).asText()).isEqualTo(APP_NAME);
            assertThat(event.has(CallerMetaData.USER_ID)).isFalse();
        });
        JsonNode history = user.get("/audit/restoreSessions/" + session + "/events").json().get("value");
        assertThat(history).hasSize(3).allSatisfy(entry -> assertThat(entry.get("who")).isEqualTo(app));
    }

    @Test
    void the_graph_sdk_reads_who_created_a_session() {
        String session = application.post(SESSIONS, CREATE).json().get("id").asText();

        ExchangeRestoreSession read = GraphSdk.clientFor(port).solutions().backupRestore()
                .exchangeRestoreSessions().byExchangeRestoreSessionId(session).get();

        assertThat(read.getCreatedBy().getApplication().getId()).isEqualTo(APP_ID);
        assertThat(read.getCreatedBy().getApplication().getDisplayName()).isEqualTo(APP_NAME);
        assertThat(read.getCreatedBy().getUser()).isNull();
        assertThat(read.getLastModifiedBy().getApplication().getId()).isEqualTo(APP_ID);
    }
}
