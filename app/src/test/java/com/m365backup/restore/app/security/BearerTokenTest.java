package com.m365backup.restore.app.security;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.localtokens.LocalTokens;
import com.m365backup.restore.app.security.policy.Permission;
import com.nimbusds.jwt.JWTClaimsSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.UnaryOperator;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static com.m365backup.restore.app.RequestBodies.CREATE;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every request needs a valid bearer token: without one, or with one that is malformed, signed by another key,
 * expired, not yet valid, meant for another audience, from another issuer or of no tenant, the answer is 401
 * {@code InvalidAuthenticationToken} with a {@code WWW-Authenticate: Bearer} challenge, and nothing changes.
 */
@IntegrationTest
class BearerTokenTest extends RunningApplicationTest {

    @TempDir
    Path elsewhere;

    @Test
    void a_request_without_a_token_is_challenged_and_changes_nothing() {
        GraphHttp.Response refused = refusedCreate(http.as(null));

        assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer realm=\"exchange-restore-sessions\"");
        assertThat(refused.json().at("/error/message").asText()).contains("Access token is empty");
        assertThat(http.as(null).get(SESSIONS).status()).isEqualTo(401);
    }

    @Test
    void a_malformed_token_is_refused() {
        refusedCreate(http.as("not-a-token"));
        GraphHttp.Response refused = refusedCreate(http.as("eyJhbGciOiJSUzI1NiJ9.e30.c2lnbmF0dXJl"));

        assertThat(refused.header("WWW-Authenticate")).contains("error=\"invalid_token\"");
        assertThat(refused.json().at("/error/message").asText()).startsWith("Access token validation failure.");
    }

    @Test
    void a_token_signed_by_another_key_is_refused() {
        LocalTokens impostor = LocalTokens.fromKeyFile(elsewhere.resolve("key.json"), TestTokens.ISSUER,
                TestTokens.AUDIENCE, Clock.systemUTC());

        GraphHttp.Response refused = refusedCreate(http.as(impostor.sign(valid().build())));

        assertThat(refused.json().at("/error/message").asText()).contains("signature");
    }

    @Test
    void an_expired_token_is_refused_beyond_the_clock_skew_and_accepted_within_it() {
        Instant now = Instant.now();
        GraphHttp.Response refused = refusedCreate(signed(claims -> claims
                .issueTime(Date.from(now.minus(Duration.ofHours(2))))
                .notBeforeTime(Date.from(now.minus(Duration.ofHours(2))))
                .expirationTime(Date.from(now.minus(Duration.ofMinutes(5))))));
        assertThat(refused.json().at("/error/message").asText()).contains("expired");

        String justExpired = TestTokens.local().sign(valid()
                .issueTime(Date.from(now.minus(Duration.ofHours(1))))
                .notBeforeTime(Date.from(now.minus(Duration.ofHours(1))))
                .expirationTime(Date.from(now.minus(Duration.ofSeconds(20)))).build());
        GraphHttp.Response withinSkew = http.as(justExpired).get(SESSIONS);
        assertThat(withinSkew.status()).as(withinSkew.body()).isEqualTo(200);
    }

    @Test
    void a_token_not_valid_yet_is_refused() {
        Instant later = Instant.now().plus(Duration.ofMinutes(10));

        refusedCreate(signed(claims -> claims.notBeforeTime(Date.from(later))));
    }

    @Test
    void a_token_for_another_audience_is_refused() {
        GraphHttp.Response refused = refusedCreate(signed(claims -> claims.audience("api://another-service")));

        assertThat(refused.json().at("/error/message").asText()).contains("another audience");
    }

    @Test
    void a_token_of_another_issuer_is_refused() {
        GraphHttp.Response refused = refusedCreate(signed(claims -> claims
                .issuer("https://sts.windows.net/" + TestTokens.TENANT + "/")));

        assertThat(refused.json().at("/error/message").asText()).contains("another issuer");
    }

    @Test
    void a_token_without_a_tenant_or_expiry_is_refused() {
        GraphHttp.Response noTenant = refusedCreate(signed(claims -> claims.claim("tid", null)));
        assertThat(noTenant.json().at("/error/message").asText()).contains("tenant");

        GraphHttp.Response noExpiry = refusedCreate(signed(claims -> claims.expirationTime(null)));
        assertThat(noExpiry.json().at("/error/message").asText()).contains("expiry");
    }

    @Test
    void a_token_whose_tenant_is_not_a_guid_is_refused() {
        for (String tenant : List.of("contoso", "../" + TestTokens.TENANT, TestTokens.TENANT + " ", "")) {
            GraphHttp.Response refused = refusedCreate(signed(claims -> claims.claim("tid", tenant)));

            assertThat(refused.json().at("/error/message").asText()).as(tenant)
                    .contains(tenant.isBlank() ? "names no tenant" : "tenant id (tid) is not a GUID");
        }
        GraphHttp.Response aNumber = refusedCreate(signed(claims -> claims.claim("tid", 42)));
        assertThat(aNumber.json().at("/error/message").asText()).contains("not a GUID");
    }

    @Test
    void a_token_whose_user_id_could_not_be_kept_is_refused() {
        for (String oid : List.of("a\u0000b", "x".repeat(256), "line\nbreak")) {
            GraphHttp.Response refused = refusedCreate(signed(claims -> claims.claim("oid", oid)));

            assertThat(refused.json().at("/error/message").asText()).contains("oid is not an id this service can keep");
        }
    }

    @Test
    void a_display_name_with_control_characters_is_kept_without_them() {
        String name = "Megan\u0000 Bowen\u0007";

        GraphHttp.Response created = http.as(signed(claims -> claims.claim("name", name))).post(SESSIONS, CREATE);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String session = created.json().get("id").asText();
        assertThat(http.get(SESSIONS + "/" + session).json().at("/createdBy/user/displayName").asText())
                .isEqualTo("Megan Bowen");
    }

    @Test
    void the_api_description_needs_no_token() {
        assertThat(http.as(null).get("/v3/api-docs").status()).isEqualTo(200);
    }

    /** Refused with 401 in Graph's envelope, and no session was created. */
    private GraphHttp.Response refusedCreate(GraphHttp caller) {
        long before = events.sessionsCreated();
        GraphHttp.Response refused = caller.post(SESSIONS, CREATE);

        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("InvalidAuthenticationToken");
        assertThat(refused.header("WWW-Authenticate")).startsWith("Bearer ");
        assertThat(refused.header("request-id")).isNotBlank();
        assertThat(refused.json().at("/error/innerError/request-id").asText()).isEqualTo(refused.header("request-id"));
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("springframework");
        assertThat(events.sessionsCreated()).isEqualTo(before);
        return refused;
    }

    private GraphHttp.Response refusedCreate(String token) {
        return refusedCreate(http.as(token));
    }

    private String signed(UnaryOperator<JWTClaimsSet.Builder> change) {
        return TestTokens.local().sign(change.apply(valid()).build());
    }

    /** The claims of a good delegated token, as a starting point for a bad one. */
    private static JWTClaimsSet.Builder valid() {
        return TestTokens.delegatedClaims()
                .claim("scp", String.join(" ", List.of(Permission.READ_WRITE)));
    }
}
