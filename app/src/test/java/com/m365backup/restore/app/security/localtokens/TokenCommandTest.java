package com.m365backup.restore.app.security.localtokens;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.policy.Permission;
import com.m365backup.restore.app.security.policy.SecuritySettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.util.List;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The token command ({@code java -jar app/target/app-0.1.0-SNAPSHOT.jar token ...}, or through Maven) makes tokens the
 * running service accepts, from the same settings: by default a user of the default tenant who may do everything, or
 * who and what the options say.
 */
@IntegrationTest
class TokenCommandTest extends RunningApplicationTest {

    @Autowired
    SecuritySettings settings;

    @Autowired
    LocalTokenSettings localTokens;

    @Test
    void the_default_token_creates_searches_and_audits_in_the_default_tenant() {
        GraphHttp http = new GraphHttp(port).as(issue());

        GraphHttp.Response created = http.post(SESSIONS, "{}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().at("/createdBy/user/id").asText()).isEqualTo(TokenCommand.LOCAL_USER_ID);
        assertThat(created.json().at("/createdBy/user/displayName").asText()).isEqualTo("Local administrator");
        String session = created.json().get("id").asText();
        assertThat(new GraphHttp(port).get(SESSIONS + "/" + session).status()).as("in the default tenant")
                .isEqualTo(200);
        assertThat(http.get("/audit/restoreSessions/" + session + "/events").status()).isEqualTo(200);
        assertThat(http.post("/beta/solutions/backupRestore/restorePoints/search", """
                {"protectionUnitIds": ["e31499c5-3bfa-57dd-9638-c6350c5bcff8"],
                 "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z",
                                          "endDateTime": "2036-01-01T00:00:00Z"}}""").status()).isEqualTo(200);
    }

    @Test
    void the_options_name_the_tenant_the_application_and_its_permissions() {
        GraphHttp app = new GraphHttp(port).as(issue("--tenant", TestTokens.OTHER_TENANT, "--app",
                "0e7c3a65-1c8d-4a8b-9d0e-2f3a4b5c6d7e", "--app-name=Fabrikam Backup",
                "--scopes", Permission.READ_WRITE, "--roles", ""));

        GraphHttp.Response created = app.post(SESSIONS, "{}");

        assertThat(created.status()).isEqualTo(201);
        JsonNode createdBy = created.json().get("createdBy");
        assertThat(createdBy.at("/application/displayName").asText()).isEqualTo("Fabrikam Backup");
        String session = created.json().get("id").asText();
        assertThat(new GraphHttp(port).get(SESSIONS + "/" + session).status()).as("another tenant's").isEqualTo(404);
        assertThat(app.get("/audit/restoreSessions/" + session + "/events").status()).as("no audit role")
                .isEqualTo(403);
    }

    @Test
    void a_read_only_user_token_reads_but_does_not_write() {
        GraphHttp reader = new GraphHttp(port).as(issue("--user", "1f2e3d4c-5b6a-4789-8a7b-6c5d4e3f2a1b",
                "--name", "Reader", "--scopes", Permission.READ, "--hours", "1"));

        assertThat(reader.get(SESSIONS).status()).isEqualTo(200);
        assertThat(reader.post(SESSIONS, "{}").status()).isEqualTo(403);
    }

    @Test
    void options_that_make_no_sense_are_refused_with_a_reason() {
        assertThatThrownBy(() -> TokenCommandLine.parse(new String[]{"--user", "u", "--app", "a"}))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> TokenCommandLine.parse(new String[]{"--hours", "forever"}))
                .hasMessageContaining("whole number");
        assertThatThrownBy(() -> TokenCommandLine.parse(new String[]{"--tenant"}))
                .hasMessageContaining("needs a value");
        assertThat(TokenCommandLine.parse(new String[]{"--hours=2", "--restore.some-setting=x"}).lifetime())
                .isEqualTo(Duration.ofHours(2));
        assertThat(TokenCommandLine.parse(new String[]{"--scopes", "a, b c"}).scopes()).isEqualTo(List.of("a", "b", "c"));
    }

    @Test
    void an_option_takes_its_value_after_a_space_or_an_equals_sign() {
        TokenCommandLine spaced = TokenCommandLine.parse(new String[]{"--tenant", "t", "--app", "a", "--app-name",
                "A B", "--roles", "", "--restore.data-directory=/srv/restore", "stray"});
        TokenCommandLine joined = TokenCommandLine.parse(new String[]{"--tenant=t", "--app=a", "--app-name=A B",
                "--roles=", "--restore.data-directory=/srv/restore", "stray"});

        assertThat(spaced).isEqualTo(joined)
                .isEqualTo(new TokenCommandLine("t", null, null, "a", "A B", null, List.of(), null));
    }

    private String issue(String... arguments) {
        return TokenCommand.issue(TokenCommandLine.parse(arguments), settings, localTokens, tenant);
    }
}
