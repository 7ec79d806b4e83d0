package com.m365backup.restore.app.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.policy.Permission;
import com.m365backup.restore.domain.caller.CallerMetaData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphPaths.ROOT;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A caller sees only its own tenant (docs/api.md, Tenants and identity): another tenant's session is 404 to every
 * path, never 403, so that it does not even learn that it exists; and trying changes nothing.
 */
@IntegrationTest
class TenantIsolationTest extends RunningApplicationTest {

    private static final String FIRST_TENANTS_RESTORE_POINT = "0a014d8c-71fe-4d00-a01a-31850bc5b32c";
    private static final String SECOND_TENANTS_RESTORE_POINT = "b5709d56-4855-5cc6-99bc-9c56f4bf0119";

    private GraphHttp first;
    private GraphHttp second;

    @BeforeEach
    void connect() {
        first = new GraphHttp(port);
        second = first.as(TestTokens.user(TestTokens.OTHER_TENANT, List.of(Permission.READ_WRITE, Permission.SEARCH),
                List.of(TestTokens.AUDIT_ROLE)));
    }

    @Test
    void another_tenants_session_is_not_found_by_any_path_and_stays_as_it_was() {
        GraphHttp.Response created = first.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [
                  {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}]}"""
                .formatted(FIRST_TENANTS_RESTORE_POINT));
        assertThat(created.status()).isEqualTo(201);
        String session = created.json().get("id").asText();
        String artifact = created.json().at("/mailboxRestoreArtifacts/0/id").asText();
        String sessionPath = SESSIONS + "/" + session;
        JsonNode before = first.get(sessionPath + "?$expand=mailboxRestoreArtifacts").json();
        List<String> history = events.eventTypesOf(session);

        notFound(second.get(sessionPath));
        notFound(second.get(ROOT + "/restoreSessions/" + session));
        notFound(second.get(sessionPath + "/mailboxRestoreArtifacts"));
        notFound(second.get(sessionPath + "/mailboxRestoreArtifacts/$count"));
        notFound(second.get(sessionPath + "/mailboxRestoreArtifacts/" + artifact));
        notFound(second.patch(sessionPath, """
                {"mailboxRestoreArtifacts@delta": [{"@removed": {"reason": "deleted"}, "id": "%s"}]}"""
                .formatted(artifact)));
        notFound(second.delete(sessionPath));
        notFound(second.delete(ROOT + "/restoreSessions/" + session));
        notFound(second.post(ROOT + "/restoreSessions/" + session + "/activate", ""));
        notFound(second.get("/audit/restoreSessions/" + session + "/events"));
        notFound(second.get("/audit/restoreSessions/" + session + "?version=0"));
        assertThat(first.get("/audit/restoreSessions/" + session + "?version=0").status()).isEqualTo(200);

        assertThat(ids(second.get(SESSIONS + "?$top=1000").json())).doesNotContain(session);
        assertThat(ids(second.get(ROOT + "/restoreSessions?$top=1000").json())).doesNotContain(session);
        assertThat(first.get(sessionPath + "?$expand=mailboxRestoreArtifacts").json()).isEqualTo(before);
        assertThat(events.eventTypesOf(session)).isEqualTo(history);
        assertThat(events.metaDataOf(session)).allSatisfy(metaData ->
                assertThat(metaData.get(CallerMetaData.TENANT_ID).asText()).isEqualTo(TestTokens.TENANT));
    }

    @Test
    void restore_points_belong_to_their_tenant() {
        notFound(second.get(ROOT + "/restorePoints/" + FIRST_TENANTS_RESTORE_POINT));
        assertThat(second.get(ROOT + "/restorePoints/" + SECOND_TENANTS_RESTORE_POINT).status()).isEqualTo(200);

        GraphHttp.Response created = second.post(SESSIONS, "{}");
        assertThat(created.status()).isEqualTo(201);
        GraphHttp.Response patched = second.patch(SESSIONS + "/" + created.json().get("id").asText(), """
                {"mailboxRestoreArtifacts@delta": [
                  {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"},
                  {"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}]}"""
                .formatted(FIRST_TENANTS_RESTORE_POINT, SECOND_TENANTS_RESTORE_POINT));

        assertThat(patched.status()).isEqualTo(200);
        JsonNode items = patched.json().get("mailboxRestoreArtifacts@delta");
        assertThat(items.get(0).at("/@Core.DataModificationException/info/code").asText())
                .isEqualTo("InvalidRestorePoint");
        assertThat(items.get(1).get("status").asText()).isEqualTo("added");
    }

    private static void notFound(GraphHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(404);
        assertThat(response.errorCode()).isIn("RestoreSessionNotFound", "itemNotFound", "RestorePointNotFound");
    }

    private static List<String> ids(JsonNode collection) {
        return StreamSupport.stream(collection.get("value").spliterator(), false)
                .map(session -> session.get("id").asText())
                .toList();
    }
}
