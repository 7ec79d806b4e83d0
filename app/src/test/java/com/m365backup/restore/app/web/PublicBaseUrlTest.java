package com.m365backup.restore.app.web;

import com.m365backup.restore.app.RawHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With {@code restore.http.public-base-url} set (the address of a proxy in front of the service, a path included),
 * every link starts with it, whatever {@code Host} a request names, and the service still serves its own paths.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"restore.embedded-postgres.ephemeral=true",
                "restore.security.local-tokens.key-file=target/test-signing-key.json",
                "restore.http.public-base-url=https://restore.contoso.example/graph/"})
class PublicBaseUrlTest extends RunningApplicationTest {

    private static final String PUBLIC = "https://restore.contoso.example/graph";
    private static final String SESSIONS = "/v1.0/solutions/backupRestore/exchangeRestoreSessions";

    @Test
    void every_link_starts_with_the_public_base_url() {
        RawHttp raw = new RawHttp(port);
        String headers = "Host: localhost\r\nAuthorization: Bearer " + TestTokens.administrator();
        RawHttp.Response created = raw.send("POST " + SESSIONS + " HTTP/1.1", headers
                + "\r\nContent-Type: application/json", "{}");
        raw.send("POST " + SESSIONS + " HTTP/1.1", headers + "\r\nContent-Type: application/json", "{}");
        RawHttp.Response page = raw.send("GET " + SESSIONS + "?$top=1 HTTP/1.1",
                headers.replace("localhost", "evil.example.com"), null);

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location")).isEqualTo(PUBLIC + SESSIONS + "/" + created.json().get("id").asText());
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("@odata.context").asText())
                .isEqualTo(PUBLIC + "/v1.0/$metadata#solutions/backupRestore/exchangeRestoreSessions");
        assertThat(page.json().get("@odata.nextLink").asText()).startsWith(PUBLIC + SESSIONS + "?$top=1&$skiptoken=");
    }
}
