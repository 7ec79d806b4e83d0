package com.m365backup.restore.app.web;

import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RawHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Links ({@code @odata.context}, {@code @odata.nextLink}, {@code Location}) name the service by a {@code Host} the
 * client sent only when it is one of {@code restore.http.allowed-hosts} (by default the loopback names); a forged one
 * never reaches a link, which then names the first allowed host (docs/api.md, Answers that never contradict the
 * store).
 */
@IntegrationTest
class PublicLinksTest extends RunningApplicationTest {

    private RawHttp raw;
    private String auth;

    @BeforeEach
    void connect() {
        raw = new RawHttp(port);
        auth = "Authorization: Bearer " + TestTokens.administrator();
        for (int i = 0; i < 2; i++) {
            assertThat(raw.send("POST " + SESSIONS + " HTTP/1.1", "Host: localhost\r\n" + auth
                    + "\r\nContent-Type: application/json", "{}").status()).isEqualTo(201);
        }
    }

    @Test
    void a_forged_host_reaches_neither_the_context_nor_the_next_link_nor_the_location() {
        RawHttp.Response page = raw.send("GET " + SESSIONS + "?$top=1 HTTP/1.1", "Host: evil.example.com\r\n" + auth,
                null);
        RawHttp.Response created = raw.send("POST " + SESSIONS + " HTTP/1.1", "Host: evil.example.com:443\r\n" + auth
                + "\r\nContent-Type: application/json", "{}");

        String origin = "http://localhost:" + port;
        assertThat(page.status()).as(page.body()).isEqualTo(200);
        assertThat(page.json().get("@odata.context").asText())
                .isEqualTo(origin + "/beta/$metadata#solutions/backupRestore/exchangeRestoreSessions");
        assertThat(page.json().get("@odata.nextLink").asText()).startsWith(origin + SESSIONS + "?$top=1&$skiptoken=");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.header("Location"))
                .isEqualTo(origin + SESSIONS + "/" + created.json().get("id").asText());
        assertThat(page.body() + created.body() + created.headers()).doesNotContain("evil");
    }

    @Test
    void an_allowed_host_is_kept_with_the_port_the_service_listens_on_and_another_port_is_not() {
        RawHttp.Response loopbackV6 = raw.send("GET " + SESSIONS + "?$top=1 HTTP/1.1", "Host: [::1]:" + port
                + "\r\n" + auth, null);
        RawHttp.Response byAddress = raw.send("GET " + SESSIONS + "?$top=1 HTTP/1.1", "Host: 127.0.0.1:" + port
                + "\r\n" + auth, null);
        RawHttp.Response anotherPort = raw.send("GET " + SESSIONS + "?$top=1 HTTP/1.1", "Host: localhost:6666\r\n"
                + auth, null);

        assertThat(loopbackV6.json().get("@odata.context").asText()).startsWith("http://[::1]:" + port + "/beta/");
        assertThat(byAddress.json().get("@odata.context").asText()).startsWith("http://127.0.0.1:" + port + "/beta/");
        assertThat(anotherPort.json().get("@odata.context").asText()).startsWith("http://localhost:" + port + "/beta/");
    }
}
