package com.m365backup.restore.app.security;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.policy.Permission;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.UUID;

import static com.m365backup.restore.app.GraphPaths.ROOT;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static com.m365backup.restore.app.RequestBodies.ADD;
import static com.m365backup.restore.app.RequestBodies.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a token may do depends on its permissions, as scopes of a user or app roles of an application (docs/api.md,
 * Paths): Read reads, only ReadWrite writes, the search needs Search, the audit paths Read plus the audit role. A
 * valid token without the permission gets 403 {@code accessDenied} naming it, and nothing changes.
 */
@IntegrationTest
class PermissionsTest extends RunningApplicationTest {

    private static final String SEARCH = """
            {"protectionUnitIds": ["e31499c5-3bfa-57dd-9638-c6350c5bcff8"],
             "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2036-01-01T00:00:00Z"}}""";

    private GraphHttp admin;

    @BeforeEach
    void connect() {
        admin = new GraphHttp(port);
    }

    @Test
    void a_read_scope_reads_but_every_write_is_refused_naming_read_write_and_changes_nothing() {
        String session = created();
        List<String> history = events.eventTypesOf(session);
        long sessions = events.sessionsCreated();
        GraphHttp reader = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ), List.of()));

        assertThat(reader.get(SESSIONS + "/" + session).status()).isEqualTo(200);
        assertThat(reader.get(SESSIONS + "/" + session + "/mailboxRestoreArtifacts").status()).isEqualTo(200);
        assertThat(reader.get(ROOT + "/restoreSessions").status()).isEqualTo(200);
        assertThat(reader.get(ROOT + "/restorePoints/0a014d8c-71fe-4d00-a01a-31850bc5b32c").status()).isEqualTo(200);

        denied(reader.post(SESSIONS, CREATE), Permission.READ_WRITE);
        denied(reader.patch(SESSIONS + "/" + session, ADD), Permission.READ_WRITE);
        denied(reader.delete(SESSIONS + "/" + session), Permission.READ_WRITE);
        denied(reader.delete(ROOT + "/restoreSessions/" + session), Permission.READ_WRITE);
        denied(reader.post(ROOT + "/restoreSessions/" + session + "/activate", ""), Permission.READ_WRITE);
        denied(reader.post("/v1.0/solutions/backupRestore/exchangeRestoreSessions", CREATE), Permission.READ_WRITE);

        assertThat(events.eventTypesOf(session)).isEqualTo(history);
        assertThat(events.sessionsCreated()).isEqualTo(sessions);
        assertThat(admin.get(SESSIONS + "/" + session).json().get("status").asText()).isEqualTo("draft");
    }

    @Test
    void the_catalog_a_client_finds_its_ids_in_is_read_with_read_and_refused_without_it() {
        GraphHttp reader = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ), List.of()));
        GraphHttp searcher = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.SEARCH), List.of()));
        List<String> catalog = List.of(ROOT + "/protectionUnits", ROOT + "/protectionUnits/$count",
                ROOT + "/mailboxProtectionUnits", ROOT + "/mailboxProtectionUnits/e31499c5-3bfa-57dd-9638-c6350c5bcff8",
                "/v1.0/solutions/backupRestore/protectionUnits/e31499c5-3bfa-57dd-9638-c6350c5bcff8",
                ROOT + "/restorePoints?$expand=protectionUnit(%24filter%3Did%20eq%20'e31499c5-3bfa-57dd-9638-c6350c5bcff8')");

        assertThat(catalog).allSatisfy(path -> {
            assertThat(reader.get(path).status()).as(path).isEqualTo(200);
            denied(searcher.get(path), Permission.READ);
        });
        assertThat(reader.send("POST", ROOT + "/mailboxProtectionUnits", "{}").status()).isEqualTo(403);
    }

    @Test
    void the_metadata_is_read_without_a_token_but_not_with_a_forged_one() {
        GraphHttp anonymous = admin.as(null);
        GraphHttp forged = admin.as("not-a-token");

        assertThat(anonymous.get("/$metadata").status()).isEqualTo(200);
        assertThat(anonymous.get("/beta/$metadata").status()).isEqualTo(200);
        assertThat(forged.get("/v1.0/$metadata").status()).isEqualTo(401);
        assertThat(anonymous.get(ROOT + "/protectionUnits").status()).isEqualTo(401);
    }

    @Test
    void a_token_with_none_of_the_permissions_may_not_even_read() {
        GraphHttp stranger = admin.as(TestTokens.user(TestTokens.TENANT, List.of("User.Read"), List.of()));

        GraphHttp.Response refused = stranger.get(SESSIONS);

        denied(refused, Permission.READ);
        assertThat(refused.json().at("/error/message").asText()).contains(Permission.READ_WRITE);
    }

    @Test
    void an_application_with_the_read_write_app_role_instead_of_a_scope_writes() {
        GraphHttp app = admin.as(TestTokens.application(TestTokens.TENANT, "0e7c3a65-1c8d-4a8b-9d0e-2f3a4b5c6d7e",
                "Contoso Backup", List.of(Permission.READ_WRITE)));

        GraphHttp.Response created = app.post(SESSIONS, CREATE);

        assertThat(created.status()).isEqualTo(201);
        String session = created.json().get("id").asText();
        assertThat(app.patch(SESSIONS + "/" + session, ADD).status()).isEqualTo(200);
        assertThat(app.get(SESSIONS + "/" + session).status()).isEqualTo(200);
    }

    @Test
    void an_application_with_only_the_read_app_role_may_not_write() {
        GraphHttp app = admin.as(TestTokens.application(TestTokens.TENANT, "0e7c3a65-1c8d-4a8b-9d0e-2f3a4b5c6d7e",
                "Contoso Reports", List.of(Permission.READ)));

        assertThat(app.get(SESSIONS).status()).isEqualTo(200);
        denied(app.post(SESSIONS, CREATE), Permission.READ_WRITE);
    }

    @Test
    void scopes_and_roles_count_whether_the_token_writes_them_as_a_string_or_as_an_array() {
        GraphHttp scopesAsArray = admin.as(token(List.of(Permission.READ_WRITE, Permission.SEARCH), null));
        GraphHttp rolesAsString = admin.as(token(null, Permission.READ_WRITE + " " + TestTokens.AUDIT_ROLE));
        GraphHttp numbersOnly = admin.as(token(List.of(42), List.of(7)));

        assertThat(scopesAsArray.post(SESSIONS, CREATE).status()).isEqualTo(201);
        assertThat(scopesAsArray.post(ROOT + "/restorePoints/search", SEARCH).status()).isEqualTo(200);
        String session = created();
        assertThat(rolesAsString.get("/audit/restoreSessions/" + session + "/events").status()).isEqualTo(200);
        denied(numbersOnly.get(SESSIONS), Permission.READ);
    }

    @Test
    void the_restore_point_search_needs_the_search_permission() {
        GraphHttp writer = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ_WRITE), List.of()));
        GraphHttp searcher = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.SEARCH), List.of()));

        denied(writer.post(ROOT + "/restorePoints/search", SEARCH), Permission.SEARCH);
        assertThat(searcher.post(ROOT + "/restorePoints/search", SEARCH).status()).isEqualTo(200);
    }

    @Test
    void the_paths_of_bulk_requests_and_granular_artifacts_read_with_read_and_write_with_read_write_only() {
        String session = admin.post(SESSIONS, "{}").json().get("id").asText();
        String requests = SESSIONS + "/" + session + "/mailboxRestoreArtifactsBulkAdditionRequests";
        String granular = SESSIONS + "/" + session + "/granularMailboxRestoreArtifacts";
        List<String> history = events.eventTypesOf(session);
        GraphHttp reader = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ), List.of()));
        GraphHttp writer = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ_WRITE), List.of()));

        assertThat(List.of(requests, requests + "/$count", granular, granular + "/$count")).allSatisfy(path ->
                assertThat(reader.get(path).status()).as(path).isEqualTo(200));
        denied(reader.post(requests, """
                {"mailboxes": ["adele@contoso.com"], "destinationType": "inPlace", "protectionTimePeriod":
                  {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2036-01-01T00:00:00Z"}}"""),
                Permission.READ_WRITE);
        denied(reader.delete(requests + "/" + UUID.randomUUID()), Permission.READ_WRITE);
        denied(writer.post(ROOT + "/restorePoints/search", SEARCH.replace("}}", "},"
                + " \"artifactQuery\": {\"artifactType\": \"message\", \"queryExpression\": \"subject:a\"}}")),
                Permission.SEARCH);

        assertThat(events.eventTypesOf(session)).isEqualTo(history);
    }

    @Test
    void the_audit_paths_need_a_read_permission_and_the_audit_role() {
        String session = created();
        String history = "/audit/restoreSessions/" + session + "/events";
        GraphHttp noRole = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ_WRITE), List.of()));
        GraphHttp roleOnly = admin.as(TestTokens.user(TestTokens.TENANT, List.of(), List.of(TestTokens.AUDIT_ROLE)));
        GraphHttp auditor = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ),
                List.of(TestTokens.AUDIT_ROLE)));
        GraphHttp auditApp = admin.as(TestTokens.application(TestTokens.TENANT, "7a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d",
                "Contoso Audit", List.of(Permission.READ, TestTokens.AUDIT_ROLE)));

        denied(noRole.get(history), TestTokens.AUDIT_ROLE);
        denied(roleOnly.get(history), Permission.READ);
        assertThat(auditor.get(history).status()).isEqualTo(200);
        assertThat(auditApp.get(history).status()).isEqualTo(200);
    }

    /** A rebuild concerns every tenant's data: an operator's, the operating tenant's app role (docs/api.md, Audit). */
    @Test
    void the_rebuild_of_the_read_model_and_its_status_need_the_operator_role_of_the_operating_tenant() {
        GraphHttp auditor = admin.as(TestTokens.user(TestTokens.TENANT, List.of(Permission.READ),
                List.of(TestTokens.AUDIT_ROLE)));
        GraphHttp otherTenantsOperator = admin.as(TestTokens.application(TestTokens.OTHER_TENANT,
                "3f0d1c2b-5a4e-4f6d-8b7a-1c2d3e4f5a6b", "Their operations", List.of(TestTokens.OPERATOR_ROLE)));
        GraphHttp operator = admin.as(TestTokens.operator());

        for (GraphHttp refused : List.of(admin, auditor, otherTenantsOperator)) {
            denied(refused.get("/audit/projections/replay"), TestTokens.OPERATOR_ROLE);
            denied(refused.post("/audit/projections/replay", ""), TestTokens.OPERATOR_ROLE);
        }
        assertThat(operator.get("/audit/projections/replay").status()).isEqualTo(200);
    }

    /** A user's token whose {@code scp} and {@code roles} are exactly the given JSON values (null: absent). */
    private static String token(Object scopes, Object roles) {
        JWTClaimsSet.Builder claims = TestTokens.delegatedClaims()
                .claim("scp", scopes)
                .claim("roles", roles);
        return TestTokens.local().sign(claims.build());
    }

    private String created() {
        GraphHttp.Response created = admin.post(SESSIONS, CREATE);
        assertThat(created.status()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private static void denied(GraphHttp.Response response, String permission) {
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.errorCode()).isEqualTo("accessDenied");
        assertThat(response.json().at("/error/message").asText()).contains(permission);
        assertThat(response.header("request-id")).isNotBlank();
    }
}
