package com.m365backup.restore.app.tls;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.GraphSdk;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.microsoft.graph.beta.models.ExchangeRestoreSessionCollectionResponse;
import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.graph.core.requests.GraphClientFactory;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * {@code restore.tls.self-signed=true}: the service makes a certificate for localhost in its data folder, keeps it,
 * and answers HTTPS on it; a client that trusts {@code certificate.pem} (curl, the JDK's client, the Graph SDK)
 * connects, one that does not is refused. The management port stays plain HTTP.
 */
@IntegrationTest
@TestPropertySource(properties = "restore.tls.self-signed=true")
class SelfSignedTlsTest extends RunningApplicationTest {

    private static final Path FOLDER = temporaryFolder().resolve("tls");

    @DynamicPropertySource
    static void tlsFolder(DynamicPropertyRegistry properties) {
        properties.add("restore.tls.folder", FOLDER::toString);
    }

    @LocalManagementPort
    int managementPort;

    @Autowired
    SelfSignedCertificate served;

    @Test
    void a_client_that_trusts_the_certificate_gets_an_answer_over_https() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(trusting(FOLDER.resolve("certificate.pem"))).build();

        HttpResponse<String> answer = client.send(HttpRequest.newBuilder(
                        URI.create("https://localhost:" + port + SESSIONS))
                .header("Authorization", "Bearer " + TestTokens.administrator()).GET().build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
        assertThat(answer.body()).contains("\"value\"");
        assertThat(answer.sslSession()).isPresent();
        assertThat(answer.sslSession().orElseThrow().getPeerCertificates()[0]).isEqualTo(served.certificate());
    }

    @Test
    void a_client_that_does_not_trust_it_is_refused() {
        HttpRequest request = HttpRequest.newBuilder(URI.create("https://localhost:" + port + SESSIONS)).build();

        assertThatThrownBy(() -> HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()))
                .isInstanceOf(IOException.class);
    }

    @Test
    void the_graph_sdk_reads_the_sessions_over_https() throws Exception {
        SSLContext tls = trusting(FOLDER.resolve("certificate.pem"));
        OkHttpClient http = GraphClientFactory.create()
                .sslSocketFactory(tls.getSocketFactory(), trustManager(FOLDER.resolve("certificate.pem")))
                .build();
        GraphServiceClient graph = GraphSdk.clientFor("https://localhost:" + port + "/beta",
                TestTokens.administrator(), http);

        ExchangeRestoreSessionCollectionResponse sessions = graph.solutions().backupRestore()
                .exchangeRestoreSessions().get();

        assertThat(sessions.getValue()).isNotNull();
    }

    @Test
    void the_certificate_is_kept_for_the_next_start_and_names_localhost() throws Exception {
        SelfSignedCertificate again = SelfSignedCertificate.loadOrCreate(FOLDER, Clock.systemUTC());

        assertThat(again.certificate()).isEqualTo(served.certificate());
        assertThat(served.certificate().getSubjectAlternativeNames())
                .extracting(name -> name.get(1).toString())
                .contains("localhost", "127.0.0.1");
        assertThat(Files.readString(FOLDER.resolve("certificate.pem")))
                .isEqualTo(SelfSignedCertificate.pem(served.certificate()));
    }

    @Test
    void the_management_port_stays_plain_http_on_the_loopback_interface() {
        assertThat(new GraphHttp(managementPort).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @AfterAll
    static void removeTheFolder() throws IOException {
        try (Stream<Path> files = Files.walk(FOLDER.getParent())) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(null, new X509TrustManager[]{trustManager(certificate)}, null);
        return tls;
    }

    private static X509TrustManager trustManager(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream pem = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("restore",
                    (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(pem));
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        return (X509TrustManager) factory.getTrustManagers()[0];
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("restore-tls-test");
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }
}
