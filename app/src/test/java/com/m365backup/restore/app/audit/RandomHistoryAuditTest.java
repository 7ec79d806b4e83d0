package com.m365backup.restore.app.audit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.engine.MailboxRestore;
import com.m365backup.restore.app.engine.MailboxRestoreRefused;
import com.m365backup.restore.app.engine.MailboxRestorer;
import com.m365backup.restore.app.engine.RestoredMailbox;
import com.m365backup.restore.domain.session.ArtifactErrorCode;
import com.m365backup.restore.domain.session.DestinationType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The acceptance test of the audit replay (issue #6): a long random sequence of operations on many sessions over
 * HTTP (creates, adds, removes, rejected items, activations, restore outcomes, deletes), then
 * (a) a replay of the projection into empty tables gives back the live tables row for row, and
 * (b) the session as it stood at random points in time, and at every version seen, is what the test saw then.
 *
 * <p>Seeded: the seed is printed, and {@code -Daudit.random.seed=<seed>} runs the same sequence again. The restorer is
 * steered per restore point (it succeeds, refuses with a Graph code, or breaks); which mailbox a restore point
 * protects is drawn from a small pool, so sessions also collide on mailboxes, within a session (a rejected add) and
 * between active sessions (a failed restore). The test does not predict the outcomes: it records what the Graph GET
 * shows once a session is still, and the audit must agree with that.
 */
@IntegrationTest
@Import(RandomHistoryAuditTest.Steered.class)
class RandomHistoryAuditTest extends RunningApplicationTest {

    private static final String SEED_PROPERTY = "audit.random.seed";
    private static final int SESSIONS = 28;
    private static final int OPERATIONS = 320;
    private static final int MAILBOXES = 40;
    private static final int POINTS_IN_TIME = 150;
    private static final String EXCHANGE_SESSIONS = "/solutions/backupRestore/exchangeRestoreSessions";
    private static final String SESSIONS_OF_ANY_KIND = "/solutions/backupRestore/restoreSessions";
    private static final Set<String> ENDED = Set.of("completed", "completedWithError", "failed");

    @TestConfiguration(proxyBeanMethods = false)
    static class Steered {

        @Bean
        @Primary
        SteeredRestorer steeredRestorer() {
            return new SteeredRestorer();
        }
    }

    /** Restores a mailbox the way the test steered its restore point; unsteered points restore. */
    static class SteeredRestorer implements MailboxRestorer {

        enum Outcome { RESTORES, REFUSED, BREAKS }

        private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();

        void steer(String restorePointId, Outcome outcome) {
            outcomes.put(restorePointId, outcome);
        }

        @Override
        public RestoredMailbox restore(MailboxRestore restore) {
            int items = Math.floorMod(restore.artifactId().hashCode(), 1000) + 1;
            return switch (outcomes.getOrDefault(restore.restorePointId(), Outcome.RESTORES)) {
                case RESTORES -> restore.destinationType() == DestinationType.IN_PLACE
                        ? new RestoredMailbox(null, null, items)
                        : new RestoredMailbox(UUID.nameUUIDFromBytes(restore.artifactId().getBytes(
                                StandardCharsets.UTF_8)).toString(), "Restored " + restore.mailboxId(), items);
                case REFUSED -> throw new MailboxRestoreRefused(ArtifactErrorCode.ARTIFACT_CANNOT_BE_RESTORED,
                        "The test refused the restore of mailbox " + restore.mailboxId() + ".");
                case BREAKS -> throw new IllegalStateException("The test broke the restore of mailbox "
                        + restore.mailboxId() + ".");
            };
        }
    }

    /** A session's state while nothing changed it: from the moment it was seen until the next operation on it. */
    record Still(long version, JsonNode seen, Instant from, Instant until) {

        Still until(Instant end) {
            return new Still(version, seen, from, end);
        }
    }

    /** What the test knows of one session. */
    static final class Tracked {

        final String id;
        final Instant createdAfter;
        final String destinationType;
        final List<Still> history = new ArrayList<>();
        boolean restoring;
        boolean deleted;

        Tracked(String id, Instant createdAfter, String destinationType) {
            this.id = id;
            this.createdAfter = createdAfter;
            this.destinationType = destinationType;
        }

        Still last() {
            return history.get(history.size() - 1);
        }

        void changes(Instant at) {
            history.set(history.size() - 1, last().until(at));
        }

        List<String> artifactIds() {
            return StreamSupport.stream(last().seen().path("mailboxRestoreArtifacts").spliterator(), false)
                    .map(artifact -> artifact.get("id").asText())
                    .toList();
        }
    }

    @Autowired
    SteeredRestorer restorer;

    private Random random;
    private String run;
    private final Map<String, Integer> outcomes = new TreeMap<>();

    @Test
    void a_long_random_history_replays_row_for_row_and_every_past_state_is_what_was_seen_then() {
        long seed = Long.getLong(SEED_PROPERTY, System.nanoTime());
        System.out.println("RandomHistoryAuditTest seed " + seed + " (run again with -D" + SEED_PROPERTY + "=" + seed
                + ")");
        random = new Random(seed);
        run = Long.toHexString(seed);
        long started = System.nanoTime();

        List<Tracked> sessions = new ArrayList<>();
        for (int operation = 0; operation < OPERATIONS; operation++) {
            if (sessions.size() < SESSIONS && (drafts(sessions).size() < 3 || random.nextInt(4) == 0)) {
                sessions.add(create(seed));
            } else {
                operateOn(pick(sessions), seed);
            }
            if (random.nextInt(4) == 0) {
                // Asked while the projection works too, on the connections it uses.
                Tracked session = sessions.get(random.nextInt(sessions.size()));
                Still still = session.history.get(random.nextInt(session.history.size()));
                assertPastStateAtVersion(session, still, seed);
            }
        }
        for (Tracked session : sessions) {
            settle(session, seed);
        }
        Instant operationsEnded = Instant.now();
        sessions.forEach(session -> session.changes(operationsEnded));
        System.out.printf("RandomHistoryAuditTest: %d sessions, %d operations %s, %d events, %d states seen in %d ms%n",
                sessions.size(), OPERATIONS, outcomes,
                sessions.stream().mapToLong(session -> events.eventTypesOf(session.id).size()).sum(),
                sessions.stream().mapToInt(session -> session.history.size()).sum(),
                (System.nanoTime() - started) / 1_000_000);

        List<Map<String, Object>> sessionRows = rows("restore_session", "id");
        List<Map<String, Object>> artifactRows = rows("mailbox_restore_artifact", "session_id, id");
        assertThat(sessionRows).hasSize(sessions.size() - (int) sessions.stream().filter(s -> s.deleted).count());

        everyVersionSeenIsThePastStateAtThatVersion(sessions, seed);
        randomPointsInTimeShowWhatWasSeenThen(sessions, seed);
        beforeItsFirstEventNoSessionStood(sessions, seed);
        assertThat(rows("restore_session", "id")).as("asking for past states leaves the read model alone, seed " + seed)
                .isEqualTo(sessionRows);
        assertThat(rows("mailbox_restore_artifact", "session_id, id")).isEqualTo(artifactRows);

        replayTheProjection();

        assertThat(rows("restore_session", "id")).as("replayed sessions, seed " + seed).isEqualTo(sessionRows);
        assertThat(rows("mailbox_restore_artifact", "session_id, id")).as("replayed artifacts, seed " + seed)
                .isEqualTo(artifactRows);
        System.out.printf("RandomHistoryAuditTest: done in %d ms%n", (System.nanoTime() - started) / 1_000_000);
    }

    private Tracked create(long seed) {
        String destinationType = random.nextBoolean() ? "new" : "inPlace";
        List<String> points = new ArrayList<>();
        List<Integer> mailboxes = new ArrayList<>();
        int artifacts = random.nextInt(4);
        while (mailboxes.size() < artifacts) {
            int mailbox = random.nextInt(MAILBOXES);
            if (!mailboxes.contains(mailbox)) {
                mailboxes.add(mailbox);
                points.add(newRestorePoint(mailbox));
            }
        }
        Instant before = Instant.now();
        GraphHttp.Response created = http.post(EXCHANGE_SESSIONS, points.isEmpty() ? "{}"
                : "{\"mailboxRestoreArtifacts\": ["
                + String.join(",", points.stream().map(point -> add(point, destinationType)).toList()) + "]}");
        assertThat(created.status()).as(created.body() + ", seed " + seed).isEqualTo(201);
        count("create");
        Tracked session = new Tracked(created.json().get("id").asText(), before, destinationType);
        assertThat(events.eventTypesOf(session.id)).as("one event for the session and one per artifact, seed " + seed)
                .hasSize(1 + artifacts);
        see(session);
        return session;
    }

    private static List<Tracked> drafts(List<Tracked> sessions) {
        return sessions.stream()
                .filter(session -> !session.deleted && !session.restoring
                        && session.last().seen().get("status").asText().equals("draft"))
                .toList();
    }

    /** Mostly a draft, where most can still happen; now and then any session, to be refused. */
    private Tracked pick(List<Tracked> sessions) {
        List<Tracked> drafts = drafts(sessions);
        return drafts.isEmpty() || random.nextInt(10) < 2
                ? sessions.get(random.nextInt(sessions.size()))
                : drafts.get(random.nextInt(drafts.size()));
    }

    private void operateOn(Tracked session, long seed) {
        settle(session, seed);
        int eventsBefore = events.eventTypesOf(session.id).size();
        session.changes(Instant.now());
        int choice = random.nextInt(20);
        if (choice < 16) {
            patch(session, eventsBefore, seed);
        } else if (choice < 19) {
            activate(session, eventsBefore, seed);
        } else {
            delete(session, eventsBefore, seed);
        }
    }

    /** A delta of one to four items, each a valid or a doomed add or remove; the session decides which succeed. */
    private void patch(Tracked session, int eventsBefore, long seed) {
        List<String> items = new ArrayList<>();
        int count = 1 + random.nextInt(4);
        for (int i = 0; i < count; i++) {
            items.add(switch (random.nextInt(10)) {
                case 0, 1, 2, 3 -> add(newRestorePoint(random.nextInt(MAILBOXES)), session.destinationType);
                case 4 -> add("unknown-" + uuid(), session.destinationType);
                case 5 -> add(catalog.expiredRestorePoint("expired-" + uuid()), session.destinationType);
                case 6 -> add(newRestorePoint(random.nextInt(MAILBOXES)),
                        session.destinationType.equals("new") ? "inPlace" : "new");
                case 7 -> remove(uuid().toString());
                default -> session.artifactIds().isEmpty()
                        ? remove(uuid().toString())
                        : remove(session.artifactIds().get(random.nextInt(session.artifactIds().size())));
            });
        }
        GraphHttp.Response patched = http.patch(EXCHANGE_SESSIONS + "/" + session.id,
                "{\"mailboxRestoreArtifacts@delta\": [" + String.join(",", items) + "]}");
        int expectedEvents = eventsBefore;
        count("patch " + patched.status());
        if (session.deleted) {
            assertThat(patched.status()).as(patched.body() + ", seed " + seed).isEqualTo(404);
        } else if (patched.status() == 200) {
            long failed = StreamSupport.stream(patched.json().get("mailboxRestoreArtifacts@delta").spliterator(), false)
                    .filter(item -> item.has("@Core.DataModificationException"))
                    .count();
            expectedEvents += count - (int) failed;
            outcomes.merge("items failed", (int) failed, Integer::sum);
            outcomes.merge("items succeeded", count - (int) failed, Integer::sum);
        } else {
            assertThat(patched.status()).as(patched.body() + ", seed " + seed).isEqualTo(403);
            assertThat(session.last().seen().get("status").asText()).isNotEqualTo("draft");
        }
        assertThat(events.eventTypesOf(session.id))
                .as("one event per item that succeeded, none for a rejected one, seed " + seed)
                .hasSize(expectedEvents);
        see(session);
    }

    private void activate(Tracked session, int eventsBefore, long seed) {
        GraphHttp.Response activated = http.post(SESSIONS_OF_ANY_KIND + "/" + session.id + "/activate", "");
        count("activate " + activated.status());
        if (activated.status() == 200) {
            // The engine restores it in the background; it is seen again once it has ended.
            session.restoring = true;
            return;
        }
        assertThat(activated.status()).as(activated.body() + ", seed " + seed)
                .isEqualTo(session.deleted ? 404 : session.artifactIds().isEmpty() ? 400 : 403);
        assertThat(events.eventTypesOf(session.id)).as("a refused activation adds nothing, seed " + seed)
                .hasSize(eventsBefore);
        see(session);
    }

    private void delete(Tracked session, int eventsBefore, long seed) {
        GraphHttp.Response deleted = http.delete(EXCHANGE_SESSIONS + "/" + session.id);
        count("delete " + deleted.status());
        if (deleted.status() == 204) {
            assertThat(events.eventTypesOf(session.id)).hasSize(eventsBefore + 1).last()
                    .isEqualTo("RestoreSessionDeleted");
            session.deleted = true;
            JsonNode asDeleted = ((ObjectNode) session.last().seen().deepCopy()).put("deleted", true)
                    .put("retired", false);
            session.history.add(new Still(eventsBefore, asDeleted, Instant.now(), null));
            return;
        }
        assertThat(deleted.status()).as(deleted.body() + ", seed " + seed).isEqualTo(session.deleted ? 404 : 403);
        assertThat(events.eventTypesOf(session.id)).as("a refused delete adds nothing, seed " + seed)
                .hasSize(eventsBefore);
        see(session);
    }

    /** Waits until a session being restored has ended, and sees it then: the engine adds nothing after the end. */
    private void settle(Tracked session, long seed) {
        if (!session.restoring) {
            return;
        }
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(25)).untilAsserted(() ->
                assertThat(graphGet(session).get("status").asText()).as("seed " + seed).isIn(ENDED));
        session.restoring = false;
        see(session);
        count(session.last().seen().get("status").asText());
    }

    /** Records the session as the Graph GET shows it now, with its artifacts and the status {@code failed} shown. */
    private void see(Tracked session) {
        if (session.deleted) {
            Still last = session.last();
            session.history.add(new Still(last.version(), last.seen(), Instant.now(), null));
            return;
        }
        JsonNode seen = ((ObjectNode) graphGet(session)).put("deleted", false).put("retired", false);
        String etag = seen.get("@odata.etag").asText();
        long version = Long.parseLong(etag.substring(etag.indexOf('"') + 1, etag.lastIndexOf('"')));
        session.history.add(new Still(version, seen, Instant.now(), null));
    }

    private JsonNode graphGet(Tracked session) {
        GraphHttp.Response response = http.get(EXCHANGE_SESSIONS + "/" + session.id
                + "?$expand=mailboxRestoreArtifacts", "Prefer", "include-unknown-enum-members");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private void everyVersionSeenIsThePastStateAtThatVersion(List<Tracked> sessions, long seed) {
        for (Tracked session : sessions) {
            long lastChecked = -1;
            for (Still still : session.history) {
                if (still.version() == lastChecked) {
                    continue;
                }
                lastChecked = still.version();
                assertPastStateAtVersion(session, still, seed);
            }
        }
    }

    private void assertPastStateAtVersion(Tracked session, Still still, long seed) {
        GraphHttp.Response past = http.get("/audit/restoreSessions/" + session.id + "?version=" + still.version());
        assertThat(past.status()).as(past.body()).isEqualTo(200);
        assertThat(past.json()).as("session %s at version %d, seed %d", session.id, still.version(), seed)
                .isEqualTo(still.seen());
    }

    private void randomPointsInTimeShowWhatWasSeenThen(List<Tracked> sessions, long seed) {
        for (int i = 0; i < POINTS_IN_TIME; i++) {
            Tracked session = sessions.get(random.nextInt(sessions.size()));
            Still still = session.history.get(random.nextInt(session.history.size()));
            Instant end = lastInstantBefore(still.until());
            if (end.isBefore(still.from())) {
                // Less than a millisecond between seeing it and changing it: the store cannot tell them apart.
                continue;
            }
            long window = Duration.between(still.from(), end).toNanos();
            Instant at = still.from().plusNanos(window <= 0 ? 0 : Math.floorMod(random.nextLong(), window + 1));
            GraphHttp.Response past = http.get("/audit/restoreSessions/" + session.id + "?asOf=" + at);
            assertThat(past.status()).as(past.body()).isEqualTo(200);
            assertThat(past.json()).as("session %s as of %s, seed %d", session.id, at, seed).isEqualTo(still.seen());
        }
    }

    private void beforeItsFirstEventNoSessionStood(List<Tracked> sessions, long seed) {
        for (Tracked session : sessions) {
            GraphHttp.Response past = http.get("/audit/restoreSessions/" + session.id + "?asOf="
                    + lastInstantBefore(session.createdAfter));
            assertThat(past.status()).as("session %s before it was created, seed %d", session.id, seed)
                    .isEqualTo(404);
        }
    }

    /**
     * The last instant that is surely before an event the test's clock saw begin after {@code moment}: the event store
     * keeps an event's time to the millisecond, so an event later in the same millisecond as {@code moment} is stored
     * as earlier than it.
     */
    private static Instant lastInstantBefore(Instant moment) {
        return moment.truncatedTo(ChronoUnit.MILLIS).minusNanos(1);
    }

    private void replayTheProjection() {
        GraphHttp operator = http.as(TestTokens.operator());
        assertThat(operator.post("/audit/projections/replay", "").status()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).untilAsserted(() ->
                assertThat(operator.get("/audit/projections/replay").json().get("state").asText())
                        .isEqualTo("completed"));
    }

    /** Every row of a read-model table, every column, in the order of its key. */
    private List<Map<String, Object>> rows(String table, String key) {
        return jdbc.queryForList("select * from " + table + " order by " + key);
    }

    /** A restore point of its own on one of the pool's mailboxes, with the outcome its restore will have. */
    private String newRestorePoint(int mailbox) {
        String point = "rp-" + run + "-" + uuid();
        catalog.onMailbox("mailbox-" + run + "-" + mailbox, point);
        int outcome = random.nextInt(10);
        restorer.steer(point, outcome < 7 ? SteeredRestorer.Outcome.RESTORES
                : outcome < 9 ? SteeredRestorer.Outcome.REFUSED : SteeredRestorer.Outcome.BREAKS);
        return point;
    }

    private void count(String outcome) {
        outcomes.merge(outcome, 1, Integer::sum);
    }

    /** Ids drawn from the seed too, so that a rerun sends the same requests. */
    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    private static String add(String restorePoint, String destinationType) {
        return "{\"restorePoint\": {\"@odata.id\": \"" + restorePoint + "\"}, \"destinationType\": \""
                + destinationType + "\"}";
    }

    private static String remove(String artifactId) {
        return "{\"@removed\": {\"reason\": \"changed\"}, \"id\": \"" + artifactId + "\"}";
    }
}
