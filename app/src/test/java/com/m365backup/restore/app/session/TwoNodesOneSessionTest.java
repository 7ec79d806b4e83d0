package com.m365backup.restore.app.session;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.OwnPostgres;
import com.m365backup.restore.app.engine.AnyRestorePoint;
import com.m365backup.restore.domain.session.MailboxArtifactAdded;
import com.m365backup.restore.domain.session.MailboxArtifactRemoved;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphAnswers.json;
import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two nodes on one PostgreSQL, 16 threads each, PATCHing one session at once (docs/scaling.md: several nodes, no
 * node decides on stale state): adds of mailboxes the session may already hold, and removes of artifacts the other
 * node added, some already gone. Each node keeps the session in memory between requests; every answer must still be
 * the one the session's history gives.
 *
 * <p>Proof by the event store: the session's stream has no gap; folded in order it never holds a mailbox twice nor
 * removes what it does not hold; every request that changed the session did so in one run of consecutive events, and
 * its answer is what its items give against the state just before that run; a request that changed nothing is
 * answered as its items give against the state at some point while it was in flight; a request refused because it
 * kept losing the race (503) left no event. At the end both nodes' GET and the audit's fold show the same artifacts as
 * the stream.
 */
class TwoNodesOneSessionTest {

    private static final int THREADS_PER_NODE = 16;
    private static final int PATCHES_PER_THREAD = 12;
    private static final int MAILBOXES = 24;

    @RegisterExtension
    static final OwnPostgres postgres = new OwnPostgres();
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;

    @BeforeAll
    static void startNodes() {
        first = start();
        second = start();
    }

    @AfterAll
    static void stopNodes() {
        second.close();
        first.close();
    }

    /**
     * Each node has the session in memory from its own last request; the other node's writes since must count, also
     * for a request that would only be refused (which appends nothing, so no collision in the event store would
     * catch a stale decision).
     */
    @Test
    void a_node_answers_by_the_other_nodes_writes_made_since_it_last_saw_the_session() {
        GraphHttp nodeA = OwnPostgres.httpOf(first);
        GraphHttp nodeB = OwnPostgres.httpOf(second);
        String session = nodeA.post(SESSIONS, "{}").json().get("id").asText();
        String mailbox = "mailbox-" + UUID.randomUUID();
        String firstArtifact = addedId(nodeB.patch(SESSIONS + "/" + session, delta(Item.add(mailbox))));

        assertThat(nodeA.patch(SESSIONS + "/" + session, delta(Item.remove(firstArtifact))).json()
                .get("mailboxRestoreArtifacts@delta")).isEmpty();
        String again = addedId(nodeB.patch(SESSIONS + "/" + session, delta(Item.add(mailbox))));
        assertThat(again).as("the mailbox the other node took out is free again").isNotEqualTo(firstArtifact);

        String otherMailbox = "mailbox-" + UUID.randomUUID();
        String addedByA = addedId(nodeA.patch(SESSIONS + "/" + session, delta(Item.add(otherMailbox))));
        assertThat(nodeB.patch(SESSIONS + "/" + session, delta(Item.remove(addedByA))).json()
                .get("mailboxRestoreArtifacts@delta")).as("the artifact the other node added is there to remove")
                .isEmpty();
        assertThat(nodeA.patch(SESSIONS + "/" + session, delta(Item.add(otherMailbox))).json()
                .at("/mailboxRestoreArtifacts@delta/0/status").asText()).isEqualTo("added");
        assertThat(nodeB.patch(SESSIONS + "/" + session, delta(Item.add(otherMailbox))).json()
                .at("/mailboxRestoreArtifacts@delta/0/@Core.DataModificationException/info/code").asText())
                .as("the mailbox the other node added again is taken").isEqualTo("DuplicateArtifactInList");
    }

    /** A write answered by one node is shown by the other right after (docs/api.md: read-your-writes on every node). */
    @Test
    void a_get_on_the_other_node_right_after_an_answer_shows_the_write() {
        List<GraphHttp> nodes = List.of(OwnPostgres.httpOf(first), OwnPostgres.httpOf(second));
        String session = nodes.get(0).post(SESSIONS, "{}").json().get("id").asText();
        for (int write = 0; write < 20; write++) {
            GraphHttp writer = nodes.get(write % 2);
            GraphHttp reader = nodes.get((write + 1) % 2);
            GraphHttp.Response answer = writer.patch(SESSIONS + "/" + session,
                    delta(Item.add("mailbox-" + UUID.randomUUID())));
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            String added = answer.json().at("/mailboxRestoreArtifacts@delta/0/id").asText();

            JsonNode shown = reader.get(SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts").json();

            assertThat(artifactsOf(shown)).as("write %d, read on the other node", write).containsKey(added);
        }
    }

    @Test
    void two_nodes_writing_one_session_never_lose_duplicate_or_misanswer_an_item() throws Exception {
        {
            List<GraphHttp> nodes = List.of(OwnPostgres.httpOf(first), OwnPostgres.httpOf(second));
            JdbcTemplate jdbc = first.getBean(JdbcTemplate.class);
            GraphHttp.Response created = nodes.get(0).post(SESSIONS, "{}");
            assertThat(created.status()).isEqualTo(201);
            String session = created.json().get("id").asText();

            List<Exchange> exchanges = new CopyOnWriteArrayList<>();
            List<String> addedSoFar = new CopyOnWriteArrayList<>();
            ExecutorService threads = Executors.newFixedThreadPool(2 * THREADS_PER_NODE);
            List<Future<?>> running = new ArrayList<>();
            for (int thread = 0; thread < 2 * THREADS_PER_NODE; thread++) {
                GraphHttp node = nodes.get(thread % 2);
                Random random = new Random(thread);
                running.add(threads.submit(() -> {
                    for (int patch = 0; patch < PATCHES_PER_THREAD; patch++) {
                        exchanges.add(send(node, jdbc, session, items(random, addedSoFar), addedSoFar));
                    }
                    return null;
                }));
            }
            for (Future<?> thread : running) {
                thread.get(3, TimeUnit.MINUTES);
            }
            threads.shutdown();

            List<StoredEvent> stream = streamOf(jdbc, session);
            assertThat(stream).extracting(StoredEvent::sequence)
                    .as("no gap").containsExactlyElementsOf(LongStream.range(0, stream.size()).boxed().toList());
            assertHistoryHoldsEachMailboxOnce(stream);
            Map<String, List<StoredEvent>> byRequest = stream.stream().skip(1)
                    .collect(Collectors.groupingBy(StoredEvent::requestId, LinkedHashMap::new, Collectors.toList()));
            assertThat(exchanges).extracting(Exchange::status).allMatch(status -> List.of(200, 202, 503)
                    .contains(status));
            for (Exchange exchange : exchanges) {
                assertAnsweredAsHistoryGives(exchange, byRequest.getOrDefault(exchange.requestId(), List.of()),
                        stream);
            }
            assertThat(byRequest.keySet()).as("every change came from an answered request")
                    .isSubsetOf(exchanges.stream().map(Exchange::requestId).toList());
            assertThat(exchanges.stream().filter(exchange -> exchange.status() == 200).count())
                    .as("most requests got through").isGreaterThan(exchanges.size() / 2);

            Map<String, String> heldAtTheEnd = fold(stream, stream.size()).artifacts();
            String version = "W/\"" + (stream.size() - 1) + "\"";
            for (GraphHttp node : nodes) {
                JsonNode shown = await().atMost(Duration.ofSeconds(30))
                        .until(() -> node.get(SESSIONS + "/" + session + "?$expand=mailboxRestoreArtifacts").json(),
                                body -> version.equals(body.path("@odata.etag").asText()));
                assertThat(artifactsOf(shown)).isEqualTo(heldAtTheEnd);
                assertThat(shown.at("/restoreSessionArtifactCount/total").asInt()).isEqualTo(heldAtTheEnd.size());
            }
            JsonNode folded = nodes.get(1).get("/audit/restoreSessions/" + session + "?version=" + (stream.size() - 1))
                    .json();
            assertThat(artifactsOf(folded)).isEqualTo(heldAtTheEnd);
        }
    }

    private static String delta(Item... items) {
        return java.util.Arrays.stream(items).map(Item::json).collect(Collectors.joining(", ",
                "{\"mailboxRestoreArtifacts@delta\": [", "]}"));
    }

    private static String addedId(GraphHttp.Response answer) {
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        JsonNode added = answer.json().at("/mailboxRestoreArtifacts@delta/0");
        assertThat(added.path("status").asText()).as(answer.body()).isEqualTo("added");
        return added.get("id").asText();
    }

    /** A few items: adds of mailboxes of the pool (some held already), removes of artifacts added by either node. */
    private static List<Item> items(Random random, List<String> addedSoFar) {
        List<Item> items = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            int pick = random.nextInt(10);
            if (pick < 5) {
                items.add(Item.add("mailbox-" + random.nextInt(MAILBOXES)));
            } else if (pick < 9 && !addedSoFar.isEmpty()) {
                // Mostly one of the last added, likely by the other node a moment ago and still there.
                int recent = Math.min(addedSoFar.size(), random.nextInt(4) == 0 ? addedSoFar.size() : 4);
                items.add(Item.remove(addedSoFar.get(addedSoFar.size() - 1 - random.nextInt(recent))));
            } else {
                items.add(Item.remove(UUID.randomUUID().toString()));
            }
        }
        return items;
    }

    private static Exchange send(GraphHttp node, JdbcTemplate jdbc, String session, List<Item> items,
                                 List<String> addedSoFar) {
        String body = delta(items.toArray(Item[]::new));
        long before = streamLength(jdbc, session);
        GraphHttp.Response answer = node.patch(SESSIONS + "/" + session, body);
        long after = streamLength(jdbc, session);
        List<Shown> shown = new ArrayList<>();
        if (answer.status() == 200 || answer.status() == 202) {
            for (JsonNode result : answer.json().get("mailboxRestoreArtifacts@delta")) {
                if (result.has("@Core.DataModificationException")) {
                    shown.add(Shown.failure(result.at("/@Core.DataModificationException/info/code").asText()));
                } else {
                    shown.add(Shown.added(result.get("id").asText(),
                            result.at("/restorePoint/@odata.id").asText()));
                    addedSoFar.add(result.get("id").asText());
                }
            }
        } else {
            assertThat(answer.status()).as(answer.body()).isEqualTo(503);
            assertThat(answer.header("Retry-After")).isNotNull();
        }
        return new Exchange(answer.header("request-id"), answer.status(), items, shown, before, after);
    }

    private static void assertHistoryHoldsEachMailboxOnce(List<StoredEvent> stream) {
        Fold state = new Fold();
        for (StoredEvent event : stream) {
            if (event.type().equals("MailboxArtifactAdded")) {
                assertThat(state.artifacts()).as("mailbox %s added twice", event.mailboxId())
                        .doesNotContainValue(event.mailboxId());
            } else if (event.type().equals("MailboxArtifactRemoved")) {
                assertThat(state.artifacts()).as("removed what it did not hold").containsKey(event.artifactId());
            }
            state.apply(event);
        }
    }

    /**
     * A request that changed the session did so at the run of its own events: its items, applied to the state just
     * before that run, must give exactly its answer and exactly those events. One that changed nothing must match the
     * state at some point between just before it was sent and just after it was answered.
     */
    private static void assertAnsweredAsHistoryGives(Exchange exchange, List<StoredEvent> itsEvents,
                                                     List<StoredEvent> stream) {
        if (exchange.status() == 503) {
            assertThat(itsEvents).as("a refused request left no event").isEmpty();
            return;
        }
        if (!itsEvents.isEmpty()) {
            int first = (int) itsEvents.get(0).sequence();
            assertThat(itsEvents).extracting(StoredEvent::sequence).as("one commit, consecutive events")
                    .containsExactlyElementsOf(IntStream.range(first, first + itsEvents.size()).mapToObj(i -> (long) i)
                            .toList());
            Simulated simulated = fold(stream, first).simulate(exchange.items(), itsEvents);
            assertThat(exchange.shown()).as("answer of %s", exchange.requestId()).isEqualTo(simulated.shown());
            assertThat(simulated.events()).isEqualTo(itsEvents.size());
            return;
        }
        boolean matchesSomePoint = false;
        for (long point = exchange.streamBefore(); point <= exchange.streamAfter() && !matchesSomePoint; point++) {
            Simulated simulated = fold(stream, (int) point).simulate(exchange.items(), List.of());
            matchesSomePoint = simulated.events() == 0 && simulated.shown().equals(exchange.shown());
        }
        assertThat(matchesSomePoint).as("the answer of %s (%s) matches the session while it was in flight",
                exchange.requestId(), exchange.shown()).isTrue();
    }

    private static Fold fold(List<StoredEvent> stream, int upTo) {
        Fold state = new Fold();
        stream.subList(0, upTo).forEach(state::apply);
        return state;
    }

    private static Map<String, String> artifactsOf(JsonNode session) {
        Map<String, String> artifacts = new HashMap<>();
        StreamSupport.stream(session.get("mailboxRestoreArtifacts").spliterator(), false)
                .forEach(artifact -> artifacts.put(artifact.get("id").asText(),
                        artifact.at("/restorePoint/id").asText()));
        return artifacts;
    }

    private static long streamLength(JdbcTemplate jdbc, String session) {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry where aggregate_identifier = ?",
                Long.class, session);
        return count == null ? 0 : count;
    }

    private static List<StoredEvent> streamOf(JdbcTemplate jdbc, String session) {
        return jdbc.query("""
                        select sequence_number, payload_type, convert_from(payload, 'UTF8') as payload,
                               convert_from(meta_data, 'UTF8') as meta_data
                        from domain_event_entry where aggregate_identifier = ? order by sequence_number""",
                (row, rowNumber) -> {
                    JsonNode payload = json(row.getString("payload"));
                    String type = row.getString("payload_type");
                    return new StoredEvent(row.getLong("sequence_number"), type.substring(type.lastIndexOf('.') + 1),
                            payload.path("artifactId").asText(null), payload.path("mailboxId").asText(null),
                            json(row.getString("meta_data")).path("requestId").asText());
                }, session);
    }

    private static ConfigurableApplicationContext start() {
        return postgres.startService(List.of(AnyRestorePoint.InPlaceOfTheCatalog.class));
    }

    /** One delta item: an add of a mailbox (its restore point is named like it) or a remove of an artifact. */
    private record Item(String mailbox, String artifactId) {

        static Item add(String mailbox) {
            return new Item(mailbox, null);
        }

        static Item remove(String artifactId) {
            return new Item(null, artifactId);
        }

        String json() {
            return mailbox != null
                    ? "{\"restorePoint\": {\"@odata.id\": \"%s\"}, \"destinationType\": \"inPlace\"}".formatted(mailbox)
                    : "{\"@removed\": {\"reason\": \"changed\"}, \"id\": \"%s\"}".formatted(artifactId);
        }
    }

    /** One outcome an answer shows: an artifact added (its id and restore point) or a failure's code. */
    private record Shown(String artifactId, String restorePoint, String failure) {

        static Shown added(String artifactId, String restorePoint) {
            return new Shown(artifactId, restorePoint, null);
        }

        static Shown failure(String code) {
            return new Shown(null, null, code);
        }
    }

    private record Exchange(String requestId, int status, List<Item> items, List<Shown> shown, long streamBefore,
                            long streamAfter) {
    }

    private record StoredEvent(long sequence, String type, String artifactId, String mailboxId, String requestId) {
    }

    private record Simulated(List<Shown> shown, int events) {
    }

    /** The session's artifacts (id to mailbox) as its history folds, and what a request's items would do to it. */
    private static final class Fold {

        private final Map<String, String> artifacts = new LinkedHashMap<>();

        void apply(StoredEvent event) {
            if (event.type().equals("MailboxArtifactAdded")) {
                artifacts.put(event.artifactId(), event.mailboxId());
            } else if (event.type().equals("MailboxArtifactRemoved")) {
                artifacts.remove(event.artifactId());
            }
        }

        Map<String, String> artifacts() {
            return Collections.unmodifiableMap(artifacts);
        }

        /** The items in order on a copy of this state; the ids of the artifacts added come from the events given. */
        Simulated simulate(List<Item> items, List<StoredEvent> itsEvents) {
            Map<String, String> state = new LinkedHashMap<>(artifacts);
            List<Shown> shown = new ArrayList<>();
            int events = 0;
            for (Item item : items) {
                if (item.mailbox() != null) {
                    if (state.containsValue(item.mailbox())) {
                        shown.add(Shown.failure("DuplicateArtifactInList"));
                    } else {
                        String artifactId = events < itsEvents.size() ? itsEvents.get(events).artifactId() : null;
                        state.put(artifactId, item.mailbox());
                        shown.add(Shown.added(artifactId, item.mailbox()));
                        events++;
                    }
                } else if (state.containsKey(item.artifactId())) {
                    state.remove(item.artifactId());
                    events++;
                } else {
                    shown.add(Shown.failure("Invalid"));
                }
            }
            return new Simulated(shown, events);
        }
    }
}
