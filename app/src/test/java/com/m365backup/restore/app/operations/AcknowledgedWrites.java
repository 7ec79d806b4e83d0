package com.m365backup.restore.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;

import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Clients writing while something breaks under them (the service is killed, the database restarts), and what they
 * were told: every create answered with a session, every artifact answered as added, and the requests answered with
 * an error. Each client creates sessions and adds artifacts to them, as a Graph SDK does: a create it got no answer
 * for, or a 503 or 429 for, is sent again with the same {@code client-request-id}, marked {@code Retry-Attempt}.
 */
final class AcknowledgedWrites {

    private static final int ADDS_PER_PATCH = 5;
    private static final int PATCHES_PER_SESSION = 4;

    /** Session id by the client-request-id of the create that was answered with it. */
    final Map<String, String> createdSessions = new ConcurrentHashMap<>();
    /** Artifact ids answered as added, with their session. */
    final Map<String, String> addedArtifacts = new ConcurrentHashMap<>();
    /** The request-id of every write answered 503: such a write must have stored nothing. */
    final Set<String> refusedRequests = ConcurrentHashMap.newKeySet();
    /** Every status answered, for the test's own account of what happened. */
    final List<Integer> statuses = new CopyOnWriteArrayList<>();
    /** Answers no client should ever get, whatever breaks: a 4xx to a well-formed write, a 500. */
    final List<String> unexpected = new CopyOnWriteArrayList<>();

    private final Supplier<GraphHttp> service;
    private final List<String> restorePoints;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private ExecutorService clients;

    /** @param service the service as it can be reached now (it may be another process after a restart) */
    AcknowledgedWrites(Supplier<GraphHttp> service, List<String> restorePoints) {
        this.service = service;
        this.restorePoints = restorePoints;
    }

    /** What the clients went through, for the test's output. */
    String account() {
        Map<Integer, Long> byStatus = statuses.stream()
                .collect(Collectors.groupingBy(status -> status, TreeMap::new, Collectors.counting()));
        return createdSessions.size() + " creates and " + addedArtifacts.size() + " adds acknowledged, answers "
                + byStatus + ", " + refusedRequests.size() + " writes answered 503";
    }

    void start(int count) {
        clients = Executors.newFixedThreadPool(count);
        IntStream.range(0, count).forEach(client -> clients.submit(() -> {
            while (running.get()) {
                writeOneSession();
            }
        }));
    }

    /**
     * Stops the writers and checks that none was answered unexpectedly, and that the store holds and the service
     * shows every write that was acknowledged.
     */
    void stopAndAssertNoneLost(String test, StoreAccount store, GraphHttp http) throws InterruptedException {
        stop();
        System.out.println(test + ": " + account());
        assertThat(unexpected).isEmpty();
        store.assertHolds(this);
        store.assertShownBy(http, this);
    }

    void stop() throws InterruptedException {
        running.set(false);
        clients.shutdown();
        if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The clients did not stop");
        }
    }

    private void writeOneSession() {
        String clientRequestId = UUID.randomUUID().toString();
        String session = create(clientRequestId);
        if (session == null) {
            return;
        }
        List<String> mailboxes = new ArrayList<>(restorePoints);
        Collections.shuffle(mailboxes);
        for (int patch = 0; patch < PATCHES_PER_SESSION && running.get(); patch++) {
            String items = mailboxes.subList(patch * ADDS_PER_PATCH, (patch + 1) * ADDS_PER_PATCH).stream()
                    .map(id -> "{\"restorePoint\": {\"@odata.id\": \"%s\"}, \"destinationType\": \"inPlace\"}"
                            .formatted(id))
                    .collect(Collectors.joining(", ", "{\"mailboxRestoreArtifacts@delta\": [", "]}"));
            GraphHttp.Response answer = send(() -> service.get().patch(SESSIONS + "/" + session, items));
            if (answer == null) {
                continue;
            }
            if (answer.status() == 200 || answer.status() == 202) {
                for (JsonNode result : answer.json().get("mailboxRestoreArtifacts@delta")) {
                    if ("added".equals(result.path("status").asText())) {
                        addedArtifacts.put(result.get("id").asText(), session);
                    }
                }
            } else if (answer.status() == 503) {
                refusedRequests.add(answer.header("request-id"));
            } else {
                unexpected.add("PATCH " + answer.status() + " " + answer.body());
            }
        }
    }

    /** Creates a session, sending the create again while no answer says what became of it. */
    private String create(String clientRequestId) {
        for (int attempt = 0; attempt < 20 && running.get(); attempt++) {
            String[] headers = attempt == 0
                    ? new String[] {"client-request-id", clientRequestId}
                    : new String[] {"client-request-id", clientRequestId, "Retry-Attempt", Integer.toString(attempt)};
            GraphHttp.Response answer = send(() -> service.get().send("POST", SESSIONS, "{}", headers));
            if (answer != null && (answer.status() == 201 || answer.status() == 202)) {
                String session = answer.status() == 201 ? answer.json().get("id").asText()
                        : answer.header("Location").replaceAll(".*/", "");
                createdSessions.put(clientRequestId, session);
                return session;
            }
            if (answer != null && answer.status() != 503 && answer.status() != 429) {
                unexpected.add("POST " + answer.status() + " " + answer.body());
                return null;
            }
            pause();
        }
        return null;
    }

    private GraphHttp.Response send(Supplier<GraphHttp.Response> request) {
        try {
            GraphHttp.Response answer = request.get();
            statuses.add(answer.status());
            return answer;
        } catch (UncheckedIOException | IllegalStateException noAnswer) {
            // The connection broke or was refused: the client does not know what became of the request.
            pause();
            return null;
        }
    }

    private static void pause() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
