package com.m365backup.restore.app.engine;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.OwnPostgres;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Events reach a processor at least once: a restore delivered again, whose result is stored, is not handed to the
 * restorer a second time (a mailbox restored twice would hold its items twice). Here every restore of a completed
 * session is delivered again, by setting the restore processor's tokens back to the start of the event stream.
 */
class RestoreDeliveredAgainTest {

    private static final int ARTIFACTS = 6;

    private static final CountingRestorer RESTORER = new CountingRestorer(new SimulatedMailboxRestorer(
            new SimulatedRestorerProperties(Duration.ofMillis(20), 0, List.of()), Clock.systemUTC()));

    @RegisterExtension
    static final OwnPostgres postgres = new OwnPostgres();

    @Configuration(proxyBeanMethods = false)
    static class Watched {

        @Bean
        @Primary
        MailboxRestorer countingRestorer() {
            return RESTORER;
        }
    }

    @Test
    void a_restore_delivered_again_after_its_result_is_stored_is_not_restored_again() {
        try (ConfigurableApplicationContext service = postgres.startService(
                List.of(Watched.class, AnyRestorePoint.InPlaceOfTheCatalog.class))) {
            GraphHttp http = OwnPostgres.httpOf(service);
            String session = completedSession(http);
            int callsBefore = RESTORER.totalCalls();
            assertThat(callsBefore).isEqualTo(ARTIFACTS);

            StreamingEventProcessor restores = service.getBean(EventProcessingConfiguration.class)
                    .eventProcessor(MailboxRestores.PROCESSING_GROUP, StreamingEventProcessor.class)
                    .orElseThrow();
            restores.shutDown();
            int setBack = service.getBean(JdbcTemplate.class).update(
                    "update token_entry set token = null, token_type = null where processor_name = ?",
                    MailboxRestores.PROCESSING_GROUP);
            assertThat(setBack).as("segments set back to the start").isPositive();
            restores.start();
            await().atMost(Duration.ofSeconds(30)).until(() -> caughtUp(restores, setBack));

            assertThat(RESTORER.totalCalls()).as("calls after every restore was delivered again")
                    .isEqualTo(callsBefore);
            assertThat(RESTORER.callsAfterResult()).isEmpty();
            assertThat(http.get(SESSIONS + "/" + session).json().get("status").asText()).isEqualTo("completed");
        }
    }

    private static boolean caughtUp(StreamingEventProcessor processor, int segments) {
        var status = processor.processingStatus();
        return status.size() == segments && status.values().stream().allMatch(EventTrackerStatus::isCaughtUp);
    }

    private static String completedSession(GraphHttp http) {
        String artifacts = IntStream.range(0, ARTIFACTS)
                .mapToObj(i -> "{\"restorePoint\": {\"id\": \"again-%s\"}, \"destinationType\": \"new\"}"
                        .formatted(UUID.randomUUID()))
                .collect(Collectors.joining(", "));
        GraphHttp.Response created = http.post(SESSIONS, "{\"mailboxRestoreArtifacts\": [" + artifacts + "]}");
        assertThat(created.status()).isEqualTo(201);
        String session = created.json().get("id").asText();
        assertThat(http.post("/beta/solutions/backupRestore/restoreSessions/" + session + "/activate", "").status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() ->
                "completed".equals(http.get(SESSIONS + "/" + session).json().get("status").asText()));
        return session;
    }
}
