package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One log line per request, that an operator finds by the ids a caller quotes, and that keeps secrets out. */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class RequestLogTest extends RunningApplicationTest {

    private static final String TOKEN = TestTokens.administrator();
    private static final String EMAIL = "jane.doe@contoso.com";

    @Test
    void a_request_is_logged_with_method_path_status_duration_and_both_ids_but_no_token_or_query(
            CapturedOutput output) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/beta/solutions/backupRestore/exchangeRestoreSessions"
                                + "?$filter=createdBy%20eq%20%27" + EMAIL + "%27"))
                .header("Authorization", "Bearer " + TOKEN)
                .header("client-request-id", "log-line-1")
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        String requestId = response.headers().firstValue("request-id").orElseThrow();

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut()).containsPattern(
                "GET /beta/solutions/backupRestore/exchangeRestoreSessions " + response.statusCode()
                        + " \\d+ms request-id=" + requestId + " client-request-id=log-line-1"));
        assertThat(output.getAll()).doesNotContain(TOKEN).doesNotContain(EMAIL);
    }
}
