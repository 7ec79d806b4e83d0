package com.m365backup.restore.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.app.EventStoreReader;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RawHttp;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.localtokens.LocalTokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The hostile corpus: over a thousand generated requests over every path of the service (as its controllers map
 * them, each with its version prefixes; the replay's start aside), each carrying a poison the service must refuse
 * and noise that must not change that (see {@link HostileCorpus}). Every answer must be a 4xx, never a 5xx, in
 * Graph's envelope with {@code request-id} and {@code client-request-id}, labelled as Graph labels JSON, without a
 * stack trace, a Java class name or SQL that the request did not itself carry; the log has no stack trace; and not
 * one event was added to the event store.
 *
 * <p>Seeded: the seed is printed, and {@code -Dhostile.corpus.seed=<seed>} runs the same requests again.
 */
@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class HostileCorpusTest extends RunningApplicationTest {

    private static final String SEED_PROPERTY = "hostile.corpus.seed";
    private static final long DEFAULT_SEED = 20_261_201L;
    private static final int REQUESTS = 1_200;
    private static final Duration BUDGET = Duration.ofSeconds(60);
    private static final String ODATA_JSON = "application/json;odata.metadata=minimal";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern REQUEST_ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-"
            + "[0-9a-f]{12}");
    /** What only the implementation could have put in an answer: its classes, stack frames and SQL. */
    private static final List<String> LEAKS = List.of("exception", "\tat ", "java.", "jakarta.", "org.springframework",
            "org.apache", "org.axonframework", "org.postgresql", "com.fasterxml", "com.zaxxer", "com.m365backup",
            "sqlstate", "psql", "jdbc", "syntax error", "violates", "domain_event_entry", "restore_session", "mailbox_restore_artifact", "token_entry", "<html", "tomcat",
            "hikari", "nullpointer", "stacktrace");
    /** SQL of its own; {@code $select} is an option's name, which messages name. */
    private static final Pattern SQL = Pattern.compile("(?<![$\\w])select\\s+[\\w*(]|\\binsert\\s+into\\b"
            + "|\\bdelete\\s+from\\b|\\bupdate\\s+\\w+\\s+set\\b|\\bwhere\\s+\\w+\\s*(=|<|>|is|in)\\b");
    private static final Pattern CLASS_NAME = Pattern.compile("\\b(?:[a-z][a-z0-9_]*\\.){2,}[A-Z][A-Za-z0-9_$]*\\b");
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)");

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @TempDir
    Path elsewhere;

    @Test
    void no_hostile_request_is_a_server_error_leaks_the_implementation_or_stores_an_event(CapturedOutput output)
            throws IOException {
        long seed = Long.getLong(SEED_PROPERTY, DEFAULT_SEED);
        System.out.println("HostileCorpusTest seed " + seed + " (run again with -D" + SEED_PROPERTY + "=" + seed + ")");
        Map<HostileCorpus.Kind, List<String>> endpoints = endpointsOfTheControllers();
        HostileCorpus.Fixture fixture = fixture();
        awaitNoRestoreRunning(events);
        long eventsBefore = events.eventCount();
        List<String> fixtureEvents = events.eventTypesOf(fixture.sessionId());
        HostileCorpus corpus = new HostileCorpus(new Random(seed), fixture,
                LocalTokens.fromKeyFile(elsewhere.resolve("impostor.json"), TestTokens.ISSUER, TestTokens.AUDIENCE,
                        Clock.systemUTC()));
        List<Map.Entry<HostileCorpus.Kind, String>> paths = new ArrayList<>();
        endpoints.forEach((kind, patterns) -> patterns.forEach(pattern -> paths.add(Map.entry(kind, pattern))));
        Random order = new Random(seed + 1);
        RawHttp raw = new RawHttp(port);
        Map<Integer, Integer> statuses = new TreeMap<>();
        Map<HostileCorpus.Kind, Integer> perKind = new EnumMap<>(HostileCorpus.Kind.class);
        Map<String, Integer> perPoison = new TreeMap<>();
        List<String> failures = new ArrayList<>();

        long started = System.nanoTime();
        for (int i = 0; i < REQUESTS; i++) {
            // Every path in turn first, then at random.
            Map.Entry<HostileCorpus.Kind, String> path = i < paths.size() * 10
                    ? paths.get(i % paths.size())
                    : paths.get(order.nextInt(paths.size()));
            HostileRequest request = corpus.against(path.getKey(), path.getValue());
            RawHttp.Response answer = raw.exchange(request.bytes());
            statuses.merge(answer.status(), 1, Integer::sum);
            perKind.merge(path.getKey(), 1, Integer::sum);
            perPoison.merge(request.poison, 1, Integer::sum);
            String problem = problemWith(request, answer);
            if (problem != null) {
                failures.add("#" + i + " " + problem + "\n    " + request.described() + "\n    -> " + answer.status()
                        + " " + answer.headers() + " " + cut(answer.body()));
            }
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        System.out.println("HostileCorpusTest: " + REQUESTS + " requests over " + paths.size() + " paths in "
                + took.toMillis() + " ms (seed " + seed + "); answers " + statuses + "; poisons " + perPoison
                + "; per endpoint " + perKind);
        assertThat(failures).as("answers that break the rules, of " + REQUESTS + " (seed " + seed + ")").isEmpty();
        assertThat(perKind.keySet()).containsExactlyInAnyOrder(HostileCorpus.Kind.values());
        assertThat(events.eventCount()).as("events in the store").isEqualTo(eventsBefore);
        assertThat(events.eventTypesOf(fixture.sessionId())).isEqualTo(fixtureEvents);
        assertThat(output.getAll()).as("the log").doesNotContain("\tat ").doesNotContain("Caused by:");
        assertThat(took).isLessThan(BUDGET);
    }

    /** Null when the answer is what a refusal must be, else what is wrong with it. */
    private static String problemWith(HostileRequest request, RawHttp.Response answer) {
        if (answer.status() < 400 || answer.status() > 499) {
            return "not a 4xx";
        }
        String requestId = answer.header("request-id");
        if (requestId == null || !REQUEST_ID.matcher(requestId).matches()) {
            return "no request-id";
        }
        if (answer.header("client-request-id") == null) {
            return "no client-request-id";
        }
        if (!ODATA_JSON.equals(answer.header("Content-Type"))) {
            return "labelled " + answer.header("Content-Type");
        }
        JsonNode envelope;
        try {
            envelope = JSON.readTree(answer.body());
        } catch (IOException notJson) {
            return "not JSON";
        }
        String shape = envelopeProblem(envelope, requestId, answer.header("client-request-id"));
        if (shape != null) {
            return shape;
        }
        String sent = request.sentText();
        String said = answer.body().toLowerCase(Locale.ROOT);
        for (String leak : LEAKS) {
            if (said.contains(leak) && !sent.contains(leak)) {
                return "leaks '" + leak + "'";
            }
        }
        if (SQL.matcher(said).results().anyMatch(found -> !sent.contains(found.group()))) {
            return "holds SQL";
        }
        if (CLASS_NAME.matcher(answer.body()).results().anyMatch(found -> !sent.contains(
                found.group().toLowerCase(Locale.ROOT)))) {
            return "names a class";
        }
        if (STACK_FRAME.matcher(answer.body()).find()) {
            return "holds a stack frame";
        }
        return null;
    }

    /** {"error": {"code", "message", "innerError": {"date", "request-id", "client-request-id"}}} and nothing else. */
    private static String envelopeProblem(JsonNode envelope, String requestId, String clientRequestId) {
        if (!envelope.isObject() || envelope.size() != 1 || !envelope.has("error")) {
            return "not the envelope";
        }
        JsonNode error = envelope.get("error");
        if (!names(error).equals(List.of("code", "message", "innerError"))
                || !error.get("code").isTextual() || error.get("code").asText().isBlank()
                || !error.get("message").isTextual() || error.get("message").asText().isBlank()) {
            return "not Graph's error: " + names(error);
        }
        JsonNode inner = error.get("innerError");
        if (!names(inner).equals(List.of("date", "request-id", "client-request-id"))
                || !inner.get("date").asText().matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d")) {
            return "not Graph's innerError: " + inner;
        }
        if (!requestId.equals(inner.get("request-id").asText())
                || !clientRequestId.equals(inner.get("client-request-id").asText())) {
            return "ids of the body differ from the headers'";
        }
        return null;
    }

    private static List<String> names(JsonNode object) {
        List<String> names = new ArrayList<>();
        for (Iterator<String> fields = object.fieldNames(); fields.hasNext(); ) {
            names.add(fields.next());
        }
        return names;
    }

    /**
     * The endpoints as the controllers map them, each with all its paths (root, /beta, /v1.0), by kind: a mapping no
     * kind names fails here, so that a new endpoint joins the corpus.
     */
    private Map<HostileCorpus.Kind, List<String>> endpointsOfTheControllers() {
        Map<HostileCorpus.Kind, List<String>> endpoints = new EnumMap<>(HostileCorpus.Kind.class);
        List<String> unknown = new ArrayList<>();
        for (RequestMappingInfo mapping : mappings.getHandlerMethods().keySet()) {
            for (String pattern : mapping.getPatternValues()) {
                if (!pattern.startsWith("/solutions/") && !pattern.startsWith("/beta/")
                        && !pattern.startsWith("/v1.0/") && !pattern.startsWith("/audit/")) {
                    continue;
                }
                String versionless = pattern.replaceFirst("^/(beta|v1\\.0)/", "/");
                for (RequestMethod method : mapping.getMethodsCondition().getMethods()) {
                    if (method == RequestMethod.POST && versionless.equals("/audit/projections/replay")) {
                        // Starting a replay is not a request to send a thousand times.
                        continue;
                    }
                    HostileCorpus.Kind kind = kindOf(method.name(), versionless);
                    if (kind == null) {
                        unknown.add(method + " " + pattern);
                    } else {
                        endpoints.computeIfAbsent(kind, k -> new ArrayList<>()).add(pattern);
                    }
                }
            }
        }
        assertThat(unknown).as("mapped endpoints the corpus does not know").isEmpty();
        assertThat(endpoints.keySet()).containsExactlyInAnyOrder(HostileCorpus.Kind.values());
        endpoints.values().forEach(patterns -> patterns.sort(String::compareTo));
        return endpoints;
    }

    private static HostileCorpus.Kind kindOf(String method, String pattern) {
        for (HostileCorpus.Kind kind : HostileCorpus.Kind.values()) {
            if (kind.method.equals(method) && kind.patterns.contains(pattern)) {
                return kind;
            }
        }
        return null;
    }

    /** A draft session of the first tenant with one artifact, the corpus's requests name it among others. */
    private HostileCorpus.Fixture fixture() {
        String restorePoint = catalog.restorePoint("rp-corpus-" + UUID.randomUUID());
        GraphHttp.Response created = http.post("/beta/solutions/backupRestore/exchangeRestoreSessions", """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}]}"""
                .formatted(restorePoint));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode session = created.json();
        String etag = session.get("@odata.etag").asText();
        return new HostileCorpus.Fixture(session.get("id").asText(),
                session.get("mailboxRestoreArtifacts").get(0).get("id").asText(),
                Long.parseLong(etag.substring(3, etag.length() - 1)), restorePoint, "mailbox-of-" + restorePoint);
    }

    /** Sessions other tests activated finish their restores first, so that the event count stands still. */
    private void awaitNoRestoreRunning(EventStoreReader events) {
        AtomicLong seen = new AtomicLong(-1);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(200)).during(Duration.ofSeconds(1))
                .until(() -> {
                    Long running = jdbc.queryForObject("select count(*) from restore_session "
                            + "where status in ('activating', 'active')", Long.class);
                    long count = events.eventCount();
                    return running != null && running == 0 && seen.getAndSet(count) == count;
                });
    }

    private static String cut(String text) {
        return text.length() <= 400 ? text : text.substring(0, 400) + "…";
    }
}
