package com.m365backup.restore.app.web;

import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.localtokens.LocalTokens;
import com.m365backup.restore.app.security.policy.Permission;
import com.nimbusds.jwt.JWTClaimsSet;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Makes hostile requests against the service's endpoints, each of which the service must refuse: every request
 * carries one poison that no answer but a 4xx can meet (a token that is missing, garbage, expired, of another tenant
 * or without the permission; a malformed or unknown id in the path; an invalid query option; an invalid body; an
 * Accept or Content-Type it cannot serve; a stale If-Match; a method it does not take), and some noise around it
 * (hostile client-request-id, Prefer and Host headers, unicode, control characters, valid options, chunked bodies)
 * that must change nothing about the refusal. Everything is drawn from one seeded {@link Random}.
 */
final class HostileCorpus {

    /** Paths several endpoints share, as the controllers map them. */
    private static final class Paths {
        static final String SESSION = "/solutions/backupRestore/exchangeRestoreSessions/{sessionId}";
        /** A session's mailbox artifacts and its granular ones: one mapping, the collection a path variable. */
        static final String ARTIFACTS = SESSION
                + "/{collection:mailboxRestoreArtifacts|granularMailboxRestoreArtifacts}";
        static final String BULK_REQUESTS = SESSION + "/mailboxRestoreArtifactsBulkAdditionRequests";
    }

    /** The service's endpoints, by method and path without the version prefix, with what each takes. */
    enum Kind {
        LIST_EXCHANGE_SESSIONS("GET", "/solutions/backupRestore/exchangeRestoreSessions", Trait.QUERY, Trait.ANSWERS),
        GET_EXCHANGE_SESSION("GET", "/solutions/backupRestore/exchangeRestoreSessions/{sessionId}", Trait.SESSION,
                Trait.QUERY, Trait.ANSWERS),
        CREATE_SESSION("POST", "/solutions/backupRestore/exchangeRestoreSessions", Trait.BODY, Trait.ANSWERS,
                Trait.WRITES),
        PATCH_SESSION("PATCH", "/solutions/backupRestore/exchangeRestoreSessions/{sessionId}", Trait.SESSION,
                Trait.BODY, Trait.ANSWERS, Trait.CONDITIONAL, Trait.WRITES),
        DELETE_EXCHANGE_SESSION("DELETE", "/solutions/backupRestore/exchangeRestoreSessions/{sessionId}",
                Trait.SESSION, Trait.CONDITIONAL, Trait.WRITES),
        LIST_ARTIFACTS("GET", Paths.ARTIFACTS, Trait.SESSION, Trait.QUERY, Trait.ANSWERS),
        COUNT_ARTIFACTS("GET", Paths.ARTIFACTS + "/$count", Trait.SESSION, Trait.QUERY, Trait.ANSWERS),
        GET_ARTIFACT("GET", Paths.ARTIFACTS + "/{artifactId:(?!\\$count$).+}", Trait.SESSION, Trait.ARTIFACT,
                Trait.QUERY, Trait.ANSWERS),
        CREATE_BULK_REQUEST("POST", Paths.BULK_REQUESTS, Trait.SESSION, Trait.BODY, Trait.ANSWERS, Trait.WRITES),
        LIST_BULK_REQUESTS("GET", Paths.BULK_REQUESTS, Trait.SESSION, Trait.QUERY, Trait.ANSWERS),
        COUNT_BULK_REQUESTS("GET", Paths.BULK_REQUESTS + "/$count", Trait.SESSION, Trait.QUERY, Trait.ANSWERS),
        GET_BULK_REQUEST("GET", Paths.BULK_REQUESTS + "/{requestId}", Trait.SESSION, Trait.BULK_REQUEST,
                Trait.QUERY, Trait.ANSWERS),
        DELETE_BULK_REQUEST("DELETE", Paths.BULK_REQUESTS + "/{requestId}", Trait.SESSION, Trait.BULK_REQUEST,
                Trait.WRITES),
        LIST_SESSIONS("GET", "/solutions/backupRestore/restoreSessions", Trait.QUERY, Trait.ANSWERS),
        GET_SESSION("GET", "/solutions/backupRestore/restoreSessions/{sessionId}", Trait.SESSION, Trait.QUERY,
                Trait.ANSWERS),
        ACTIVATE_SESSION("POST", "/solutions/backupRestore/restoreSessions/{sessionId}/activate", Trait.SESSION,
                Trait.ANSWERS, Trait.CONDITIONAL, Trait.WRITES),
        DELETE_SESSION("DELETE", "/solutions/backupRestore/restoreSessions/{sessionId}", Trait.SESSION,
                Trait.CONDITIONAL, Trait.WRITES),
        GET_RESTORE_POINT("GET", "/solutions/backupRestore/restorePoints/{restorePointId}", Trait.RESTORE_POINT,
                Trait.QUERY, Trait.ANSWERS),
        SEARCH_RESTORE_POINTS("POST", "/solutions/backupRestore/restorePoints/search", Trait.QUERY, Trait.BODY,
                Trait.ANSWERS, Trait.SEARCH),
        PAST_STATE("GET", "/audit/restoreSessions/{sessionId}", Trait.SESSION, Trait.QUERY, Trait.ANSWERS,
                Trait.AUDIT),
        HISTORY("GET", "/audit/restoreSessions/{sessionId}/events", Trait.SESSION, Trait.QUERY, Trait.ANSWERS,
                Trait.AUDIT),
        REPLAY_STATUS("GET", "/audit/projections/replay", Trait.ANSWERS, Trait.AUDIT),
        LIST_PROTECTION_UNITS("GET", List.of("/solutions/backupRestore/protectionUnits",
                "/solutions/backupRestore/protectionUnits/graph.mailboxProtectionUnit",
                "/solutions/backupRestore/protectionUnits/microsoft.graph.mailboxProtectionUnit",
                "/solutions/backupRestore/mailboxProtectionUnits"), Trait.QUERY, Trait.ANSWERS),
        COUNT_PROTECTION_UNITS("GET", List.of("/solutions/backupRestore/protectionUnits/$count",
                "/solutions/backupRestore/protectionUnits/graph.mailboxProtectionUnit/$count",
                "/solutions/backupRestore/protectionUnits/microsoft.graph.mailboxProtectionUnit/$count",
                "/solutions/backupRestore/mailboxProtectionUnits/$count"), Trait.QUERY, Trait.ANSWERS),
        GET_PROTECTION_UNIT("GET", List.of("/solutions/backupRestore/protectionUnits/{unitId}",
                "/solutions/backupRestore/protectionUnits/{unitId}/graph.mailboxProtectionUnit",
                "/solutions/backupRestore/protectionUnits/{unitId}/microsoft.graph.mailboxProtectionUnit",
                "/solutions/backupRestore/mailboxProtectionUnits/{unitId}"), Trait.UNIT, Trait.QUERY, Trait.ANSWERS),
        LIST_RESTORE_POINTS("GET", "/solutions/backupRestore/restorePoints", Trait.QUERY, Trait.ANSWERS),
        /** Open without a token, as Graph's: only what it is not may refuse it. */
        METADATA("GET", "/$metadata", Trait.OPEN);

        final String method;
        final List<String> patterns;
        final Set<Trait> traits;

        Kind(String method, String pattern, Trait... traits) {
            this(method, List.of(pattern), traits);
        }

        Kind(String method, List<String> patterns, Trait... traits) {
            this.method = method;
            this.patterns = patterns;
            this.traits = traits.length == 0 ? EnumSet.noneOf(Trait.class) : EnumSet.of(traits[0], traits);
        }

        boolean has(Trait trait) {
            return traits.contains(trait);
        }

        /** Whether a path names something of the first tenant, which another tenant's token must not find. */
        boolean namesATenantsResource() {
            return has(Trait.SESSION) || has(Trait.RESTORE_POINT) || has(Trait.UNIT);
        }
    }

    enum Trait {
        /** {sessionId} in the path. */
        SESSION,
        /** {artifactId} in the path. */
        ARTIFACT,
        /** {requestId} in the path: a bulk addition request. */
        BULK_REQUEST,
        /** {restorePointId} in the path. */
        RESTORE_POINT,
        /** {unitId} in the path: a protection unit. */
        UNIT,
        /** Served without a token. */
        OPEN,
        /** Reads its query options and refuses what it does not take. */
        QUERY,
        /** Reads a JSON body. */
        BODY,
        /** Answers with a body, so an Accept it cannot meet is a 406. */
        ANSWERS,
        /** Honours If-Match. */
        CONDITIONAL,
        /** Changes a session when it succeeds. */
        WRITES,
        /** Needs the Search permission. */
        SEARCH,
        /** Needs the audit role besides Read. */
        AUDIT
    }

    /**
     * The first tenant's things a request may name: a draft session with one artifact, a restore point, and the
     * protection unit (mailbox) of that restore point.
     */
    record Fixture(String sessionId, String artifactId, long sessionVersion, String restorePointId, String unitId) {
    }

    private static final Pattern GUID =
            Pattern.compile("[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    private static final List<String> STATUSES = List.of("draft", "activating", "active", "completedWithError",
            "completed", "unknownFutureValue", "failed", "added", "scheduling", "scheduled", "inProgress",
            "succeeded");
    private static final List<String> UNSERVABLE_ACCEPTS = List.of("text/html", "application/xml", "image/png",
            "text/csv", "application/atom+xml", "text/html, application/xhtml+xml", ";;;", "application",
            "application/jsonx", "multipart/mixed");
    private static final List<String> NOT_JSON_TYPES = List.of("text/plain", "application/xml",
            "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/json-patch+json",
            "application/jsonx", "json", ";;", "", "application/*", "text/json; charset=ebcdic");
    private static final List<String> METHODS = List.of("PUT", "TRACE", "CONNECT", "PROPFIND", "FOO", "get", "Post",
            "MOVE", "LOCK");

    private final Random random;
    private final HostileValues values;
    private final Fixture fixture;
    private final LocalTokens impostor;

    HostileCorpus(Random random, Fixture fixture, LocalTokens impostor) {
        this.random = random;
        this.values = new HostileValues(random);
        this.fixture = fixture;
        this.impostor = impostor;
    }

    /** A request against {@code path} (the endpoint's pattern with its version prefix) that must be refused. */
    HostileRequest against(Kind kind, String pattern) {
        HostileRequest request = new HostileRequest(kind.method, pattern);
        request.header("Host", "localhost");
        request.header("Authorization", "Bearer " + admin());
        request.header("Accept", "application/json");
        List<Poison> poisons = poisonsFor(kind);
        Poison poison = poisons.get(random.nextInt(poisons.size()));
        request.poison = poison.name().toLowerCase(Locale.ROOT);
        // Noise first, the poison last: the poison has the last word on what it touches.
        fillPath(kind, request, pattern, poison);
        noise(kind, request, poison);
        poison(kind, request, poison);
        return request;
    }

    private enum Poison {
        NO_TOKEN, GARBAGE_TOKEN, EXPIRED_TOKEN, UNTRUSTED_TOKEN, NO_PERMISSION, ANOTHER_TENANT,
        MALFORMED_ID, UNKNOWN_ID, BAD_QUERY, BAD_BODY, UNSERVABLE_ACCEPT, NOT_JSON, STALE_IF_MATCH, WRONG_METHOD
    }

    private static List<Poison> poisonsFor(Kind kind) {
        // A token that does not verify is refused also where none is needed: it names someone it cannot prove.
        List<Poison> poisons = new ArrayList<>(List.of(Poison.GARBAGE_TOKEN, Poison.EXPIRED_TOKEN,
                Poison.UNTRUSTED_TOKEN, Poison.WRONG_METHOD));
        if (!kind.has(Trait.OPEN)) {
            poisons.add(Poison.NO_TOKEN);
            poisons.add(Poison.NO_PERMISSION);
        }
        if (kind.namesATenantsResource()) {
            poisons.add(Poison.ANOTHER_TENANT);
        }
        if (kind.has(Trait.SESSION) || kind.has(Trait.ARTIFACT) || kind.has(Trait.BULK_REQUEST)
                || kind.has(Trait.RESTORE_POINT) || kind.has(Trait.UNIT)) {
            poisons.add(Poison.MALFORMED_ID);
            poisons.add(Poison.UNKNOWN_ID);
        }
        if (kind.has(Trait.QUERY)) {
            poisons.add(Poison.BAD_QUERY);
        }
        if (kind.has(Trait.BODY)) {
            poisons.add(Poison.BAD_BODY);
            poisons.add(Poison.NOT_JSON);
        }
        if (kind.has(Trait.ANSWERS)) {
            poisons.add(Poison.UNSERVABLE_ACCEPT);
        }
        if (kind.has(Trait.CONDITIONAL)) {
            poisons.add(Poison.STALE_IF_MATCH);
        }
        return poisons;
    }

    // ---- the path ------------------------------------------------------------------------------------------------

    private void fillPath(Kind kind, HostileRequest request, String pattern, Poison poison) {
        boolean pathPoisoned = poison == Poison.MALFORMED_ID || poison == Poison.UNKNOWN_ID;
        String sessionId = fixture.sessionId();
        String artifactId = values.chance(50) ? fixture.artifactId() : UUID.randomUUID().toString();
        String restorePointId = fixture.restorePointId();
        String unitId = fixture.unitId();
        // The fixture has no bulk request: any id names none.
        String requestId = UUID.randomUUID().toString();
        String collection = values.chance(70) ? "mailboxRestoreArtifacts" : "granularMailboxRestoreArtifacts";
        boolean raw = false;
        if (!pathPoisoned && poison != Poison.ANOTHER_TENANT && values.chance(25)) {
            // Noise: the path names something else, whatever it is; the poison refuses the request all the same.
            request.noise.add("other ids");
            sessionId = values.chance(50) ? UUID.randomUUID().toString() : values.text();
            artifactId = values.text();
            restorePointId = values.text();
            unitId = values.text();
            requestId = values.text();
            raw = values.chance(30);
        }
        if (pathPoisoned) {
            boolean malformed = poison == Poison.MALFORMED_ID;
            // Which of the ids is wrong: the artifact's or the restore point's where the path has one.
            if (kind.has(Trait.ARTIFACT) && values.chance(60)) {
                artifactId = malformed ? values.text() : UUID.randomUUID().toString();
            } else if (kind.has(Trait.BULK_REQUEST) && values.chance(60)) {
                requestId = malformed ? values.text() : UUID.randomUUID().toString();
            } else if (kind.has(Trait.RESTORE_POINT)) {
                restorePointId = malformed ? values.text() : "rp-never-catalogued-" + UUID.randomUUID();
            } else if (kind.has(Trait.UNIT)) {
                unitId = malformed ? values.text() : "unit-never-catalogued-" + UUID.randomUUID();
            } else {
                sessionId = malformed ? malformedSessionId() : UUID.randomUUID().toString();
            }
        }
        String path = pattern
                .replace("{sessionId}", segment(sessionId, raw))
                .replace("{collection:mailboxRestoreArtifacts|granularMailboxRestoreArtifacts}", collection)
                .replace("{artifactId:(?!\\$count$).+}", segment(artifactId, raw))
                .replace("{requestId}", segment(requestId, raw))
                .replace("{restorePointId}", segment(restorePointId, raw))
                .replace("{unitId}", segment(unitId, raw));
        if (!pathPoisoned && values.chance(8)) {
            request.noise.add("encoded path");
            // The same path, other spellings a client may use: %24 for $, %2D for -, lower-case hex.
            path = path.replace("$count", values.chance(50) ? "%24count" : "$count");
        }
        request.path = path;
    }

    private String malformedSessionId() {
        String id;
        do {
            id = values.text();
        } while (GUID.matcher(id).matches());
        return id;
    }

    /**
     * A path segment. Percent-encoded as a client library would (the dots of "." and ".." too, which would otherwise
     * walk to another path); raw, as written, when the noise says so.
     */
    private String segment(String text, boolean raw) {
        if (raw) {
            return text.replace("?", "%3F").replace("#", "%23").replace("\r", "").replace("\n", "").replace(" ", "%20");
        }
        if (text.equals(".") || text.equals("..")) {
            return text.replace(".", "%2E");
        }
        return percentEncoded(text, false);
    }

    private String percentEncoded(String text, boolean query) {
        StringBuilder encoded = new StringBuilder();
        boolean lower = values.chance(20);
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'
                    || c == '.' || c == '~' || (query && (c == '$' || c == '\'' || c == ',' || c == '(' || c == ')'))) {
                encoded.append((char) c);
            } else if (query && c == ' ' && values.chance(50)) {
                encoded.append('+');
            } else {
                String hex = HexFormat.of().withUpperCase().toHexDigits((byte) c);
                encoded.append('%').append(lower ? hex.toLowerCase(Locale.ROOT) : hex);
            }
        }
        return encoded.toString();
    }

    // ---- noise ---------------------------------------------------------------------------------------------------

    private void noise(Kind kind, HostileRequest request, Poison poison) {
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            switch (random.nextInt(9)) {
                case 0 -> {
                    request.noise.add("client-request-id");
                    request.header("client-request-id", headerSafe(values.text()));
                }
                case 1 -> {
                    request.noise.add("prefer");
                    request.header("Prefer", values.chance(50) ? "include-unknown-enum-members"
                            : headerSafe(values.text()));
                }
                case 2 -> {
                    request.noise.add("host");
                    request.header("Host", values.pick(List.of("evil.example.com", "localhost:1", "[::1]",
                            "127.0.0.1:65535", "evil.example.com:443", "xn--80ak6aa92e.com")));
                }
                case 3 -> {
                    request.noise.add("odd headers");
                    request.header("User-Agent", headerSafe(values.text()));
                    request.header("X-Forwarded-Host", "evil.example.com");
                    request.header("X-Forwarded-Proto", "gopher");
                }
                case 4 -> {
                    request.noise.add("valid options");
                    request.query.addAll(validOptions(kind));
                }
                case 5 -> {
                    request.noise.add("custom option");
                    request.query.add("x=" + percentEncoded(values.text(), true));
                }
                case 6 -> {
                    if (kind.has(Trait.BODY) || values.chance(20)) {
                        request.noise.add("body");
                        request.body(anyBody(kind));
                        request.header("Content-Type", "application/json");
                        request.chunked = values.chance(30);
                    }
                }
                case 7 -> {
                    request.noise.add("accept");
                    request.header("Accept", values.pick(List.of("*/*", "application/json;odata.metadata=minimal",
                            "application/json, text/plain", "application/json;odata.metadata=full;q=0.9, */*;q=0.1",
                            "application/*")));
                }
                default -> {
                    if (kind.has(Trait.CONDITIONAL)) {
                        request.noise.add("if-match");
                        request.header("If-Match", values.pick(List.of("*", "W/\"" + fixture.sessionVersion() + "\"",
                                "W/\"0\", W/\"" + fixture.sessionVersion() + "\"")));
                    }
                }
            }
        }
        if (kind.has(Trait.BODY) && request.body == null) {
            request.body(validBody(kind));
            request.header("Content-Type", "application/json");
        }
    }

    private List<String> validOptions(Kind kind) {
        return switch (kind) {
            case LIST_EXCHANGE_SESSIONS -> List.of("$top=" + values.between(1, 5), "$count=true",
                    "$expand=mailboxRestoreArtifacts", "$orderby=createdDateTime%20desc");
            case LIST_SESSIONS -> List.of("$top=" + values.between(0, 5), "$select=status,createdDateTime");
            case GET_EXCHANGE_SESSION -> List.of("$expand=mailboxRestoreArtifacts", "$select=status");
            case GET_SESSION -> List.of("$select=id,status");
            case LIST_ARTIFACTS -> List.of("$filter=status%20eq%20'added'", "$count=true");
            case GET_ARTIFACT -> List.of("$select=status");
            case LIST_BULK_REQUESTS -> List.of("$top=" + values.between(1, 5), "$count=true", "$select=status");
            case GET_BULK_REQUEST -> List.of("$select=mailboxes");
            case GET_RESTORE_POINT -> List.of("$expand=protectionUnit");
            case LIST_PROTECTION_UNITS -> List.of("$top=" + values.between(1, 5), "$count=true",
                    "$filter=startswith(email,'a')");
            case COUNT_PROTECTION_UNITS -> List.of("$filter=startswith(displayName,'A')");
            case GET_PROTECTION_UNIT -> List.of("$select=email");
            case LIST_RESTORE_POINTS -> List.of("$expand=protectionUnit($filter=id%20eq%20'"
                    + fixture.unitId() + "')");
            case HISTORY -> List.of("$top=" + values.between(1, 5));
            case PAST_STATE -> List.of(values.chance(50) ? "version=" + values.between(0, 3)
                    : "asOf=" + percentEncoded(values.pick(HostileValues.EDGE_TIMES), true));
            default -> List.of();
        };
    }

    // ---- the poisons ---------------------------------------------------------------------------------------------

    private void poison(Kind kind, HostileRequest request, Poison poison) {
        switch (poison) {
            case NO_TOKEN -> request.headers.removeIf(header -> header[0].equalsIgnoreCase("Authorization"));
            case GARBAGE_TOKEN -> request.header("Authorization", garbageAuthorization());
            case EXPIRED_TOKEN -> request.header("Authorization", "Bearer " + signed(claims -> {
                Instant then = Instant.now().minus(Duration.ofDays(values.between(1, 4000)));
                claims.issueTime(Date.from(then)).notBeforeTime(Date.from(then))
                        .expirationTime(Date.from(then.plus(Duration.ofMinutes(values.between(1, 60)))));
            }));
            case UNTRUSTED_TOKEN -> request.header("Authorization", "Bearer " + untrustedToken());
            case NO_PERMISSION -> request.header("Authorization", "Bearer " + withoutPermissionFor(kind));
            case ANOTHER_TENANT -> request.header("Authorization", "Bearer " + TestTokens.user(TestTokens.OTHER_TENANT,
                    List.of(Permission.READ_WRITE, Permission.SEARCH), List.of(TestTokens.AUDIT_ROLE)));
            case MALFORMED_ID, UNKNOWN_ID -> {
                // The path was filled with it.
            }
            case BAD_QUERY -> request.query.addAll(badQuery(kind));
            case BAD_BODY -> {
                byte[] body = badBody(kind);
                request.body = body;
                request.header("Content-Type", "application/json");
            }
            case UNSERVABLE_ACCEPT -> request.header("Accept", values.pick(UNSERVABLE_ACCEPTS));
            case NOT_JSON -> request.header("Content-Type", values.pick(NOT_JSON_TYPES));
            case STALE_IF_MATCH -> request.header("If-Match", staleEtag());
            case WRONG_METHOD -> request.method = values.pick(METHODS);
        }
    }

    private String admin() {
        return TestTokens.administrator();
    }

    private String garbageAuthorization() {
        String valid = admin();
        return values.pick(List.of("Bearer", "Bearer ", "Bearer null", "Bearer undefined", "Bearer a.b.c",
                "Basic dXNlcjpwYXNzd29yZA==", "Negotiate YIIB", "Bearer  " + valid, "Bearer " + valid + ",",
                "Bearer " + valid.substring(0, valid.length() - 5), "Bearer " + valid.replace('.', '_'),
                "Bearer eyJhbGciOiJub25lIn0.eyJ0aWQiOiIwMDAwMDAwMC0wMDAwLTAwMDAtMDAwMC0wMDAwMDAwMDAwMDEifQ.",
                "Bearer " + Base64.getUrlEncoder().encodeToString(values.sized().getBytes(StandardCharsets.UTF_8)),
                "Bearer " + headerSafe(values.text()), "Bearer " + "e".repeat(9_000), "Token " + valid,
                valid));
    }

    /** Validly signed, but not by a key this service trusts, or saying what it must not say. */
    private String untrustedToken() {
        return switch (random.nextInt(5)) {
            case 0 -> impostor.sign(claims(builder -> { }));
            case 1 -> signed(claims -> claims.claim("tid", values.text()));
            case 2 -> signed(claims -> claims.audience(values.pick(List.of("api://another-service",
                    "https://graph.microsoft.com.evil.example.com", ""))));
            case 3 -> signed(claims -> claims.issuer("https://sts.windows.net/" + TestTokens.TENANT + "/"));
            default -> signed(claims -> claims.notBeforeTime(Date.from(Instant.now().plus(Duration.ofHours(2)))));
        };
    }

    private String withoutPermissionFor(Kind kind) {
        if (kind.has(Trait.AUDIT) && values.chance(50)) {
            return TestTokens.user(TestTokens.TENANT, List.of(Permission.READ_WRITE, Permission.SEARCH), List.of());
        }
        if (kind.has(Trait.SEARCH) && values.chance(50)) {
            return TestTokens.user(TestTokens.TENANT, List.of(Permission.READ_WRITE), List.of(TestTokens.AUDIT_ROLE));
        }
        if (kind.has(Trait.WRITES) && values.chance(50)) {
            return TestTokens.application(TestTokens.TENANT, UUID.randomUUID().toString(), "Reader",
                    List.of(Permission.READ));
        }
        return TestTokens.user(TestTokens.TENANT, List.of("User.Read", "Mail.Read"), List.of());
    }

    private String staleEtag() {
        long version = fixture.sessionVersion();
        return values.pick(List.of("W/\"" + (version - 1) + "\"", "W/\"" + (version + 1000) + "\"", "W/\"-1\"",
                "\"abc\"", "W/\"\"", "W/\"" + version + "x\"", "W/" + version, headerSafe(values.text()) + "x",
                "W/\"9223372036854775807\"", "W/\"99999999999999999999\""));
    }

    private List<String> badQuery(Kind kind) {
        return switch (kind) {
            case PAST_STATE -> values.pick(List.of(
                    List.of("version=" + percentEncoded(nonNumeric(), true)),
                    List.of("asOf=" + percentEncoded(values.badTime(), true)),
                    List.of("version=1", "asOf=2026-01-01T00:00:00Z"),
                    List.of("version=1", "version=2"),
                    List.of("version=1", unknownOption(false))));
            case HISTORY -> values.pick(List.of(
                    List.of("$top=" + percentEncoded(invalidHistoryTop(), true)),
                    List.of("$skiptoken=" + percentEncoded(nonNumeric(), true)),
                    List.of("$top=1", "$top=1"),
                    List.of(unknownOption(false))));
            case SEARCH_RESTORE_POINTS, COUNT_ARTIFACTS, COUNT_BULK_REQUESTS -> List.of(unknownOption(true), "$top=1");
            default -> List.of(collectionPoison(kind));
        };
    }

    private String collectionPoison(Kind kind) {
        boolean collection = kind == Kind.LIST_EXCHANGE_SESSIONS || kind == Kind.LIST_SESSIONS
                || kind == Kind.LIST_ARTIFACTS || kind == Kind.LIST_PROTECTION_UNITS;
        return switch (random.nextInt(collection ? 9 : 4)) {
            case 0 -> unknownOption(true);
            case 1 -> values.pick(List.of("$search=x", "$skip=1", "$format=json", "$apply=groupby(status)",
                    "$deltatoken=x", "$levels=max", "$compute=1", "$index=1", "$schemaversion=1", "$id=x"));
            case 2 -> "$select=" + percentEncoded(values.text(), true);
            case 3 -> "$expand=" + percentEncoded(values.text(), true);
            case 4 -> "$top=" + percentEncoded(invalidTop(), true);
            case 5 -> "$skiptoken=" + values.pick(List.of(percentEncoded(values.text(), true), crafted()));
            case 6 -> "$count=" + percentEncoded(nonBoolean(), true);
            case 7 -> "$orderby=" + percentEncoded(values.text(), true);
            default -> "$filter=" + percentEncoded(badFilter(kind), true);
        };
    }

    private String badFilter(Kind kind) {
        return switch (random.nextInt(kind == Kind.LIST_ARTIFACTS ? 3 : 5)) {
            case 0 -> "status eq '" + nonStatus().replace("'", "''") + "'";
            case 1 -> values.pick(List.of("status eq 'draft' or 1 eq 1", "contains(status,'a')",
                    "status in ('draft','active')", "status eq '", "not status eq 'draft'", "length(id) gt 0",
                    "status eq 'DRAFT'", "status eq 'Added'", "status eq draft", "status  'draft'", "and",
                    "status eq 'draft' and", "status eq 'draft' and and status eq 'draft'", ""));
            case 2 -> values.text() + " eq 'draft'";
            case 3 -> "createdDateTime ge " + values.badTime();
            default -> "createdDateTime " + values.pick(List.of("gt", "lt", "has", "in", "eq'")) + " "
                    + values.pick(HostileValues.EDGE_TIMES);
        };
    }

    /**
     * An option the endpoint does not know. With a {@code $}, for the endpoints that read OData's options (which
     * leave any other alone), never one of theirs ({@code $TOP} is {@code $top} to them); without, for the audit's.
     */
    private String unknownOption(boolean dollar) {
        String name = dollar
                ? values.pick(List.of("foo", "search", "skip", "a%00b", "x%20y", "日本", "%24top", "top%00"))
                : values.pick(List.of("foo", "TOP", "top", "Version", "asof", "a%00b", "x%20y", "日本", "skiptoken"));
        return (dollar ? "$" : "") + name + "=" + percentEncoded(values.text(), true);
    }

    private String crafted() {
        String inside = values.pick(List.of("after:-31557014167219200.0:x", "after:99999999999999999.0:"
                        + UUID.randomUUID(), "skip:-1", "skip:9999999999", "after:0.0:' OR 1=1 --", "skip:",
                "after:0.0:" + UUID.randomUUID() + "\u0000", values.text()));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(inside.getBytes(StandardCharsets.UTF_8));
    }

    private String invalidTop() {
        String top;
        do {
            top = values.chance(70) ? values.pick(HostileValues.NUMBERS) : values.text();
        } while (top.trim().matches("\\d{1,4}") && Integer.parseInt(top.trim()) <= 1000);
        return top;
    }

    private String invalidHistoryTop() {
        String top;
        do {
            top = values.chance(70) ? values.pick(HostileValues.NUMBERS) : values.text();
        } while (top.matches("\\d{1,18}") && Long.parseLong(top) >= 1 && Long.parseLong(top) <= 1000);
        return top;
    }

    private String nonNumeric() {
        String text;
        do {
            text = values.text();
        } while (text.matches("\\d{1,18}"));
        return text;
    }

    private String nonBoolean() {
        String text;
        do {
            text = values.chance(50) ? values.pick(List.of("yes", "1", "0", "tru", "TRUE1", "null", "on")) : values.text();
        } while (text.trim().equalsIgnoreCase("true") || text.trim().equalsIgnoreCase("false"));
        return text;
    }

    private String nonStatus() {
        String text;
        do {
            text = values.text();
        } while (STATUSES.contains(text));
        return text;
    }

    // ---- bodies --------------------------------------------------------------------------------------------------

    private String validBody(Kind kind) {
        return switch (kind) {
            case CREATE_SESSION -> values.chance(50) ? "{}" : """
                    {"mailboxRestoreArtifacts": [{"restorePoint": {"@odata.id": "%s"}, "destinationType": "inPlace"}]}"""
                    .formatted(fixture.restorePointId());
            case PATCH_SESSION -> """
                    {"mailboxRestoreArtifacts@delta": [{"@removed": {"reason": "changed"}, "id": "%s"}]}"""
                    .formatted(fixture.artifactId());
            // Valid, and refused all the same: the fixture's session holds an artifact, so it takes no bulk request.
            case CREATE_BULK_REQUEST -> BULK_MAILBOXES + ", " + BULK_PERIOD + ", \"destinationType\": \"inPlace\"}";
            case SEARCH_RESTORE_POINTS -> """
                    {"protectionUnitIds": ["e31499c5-3bfa-57dd-9638-c6350c5bcff8"],
                     "protectionTimePeriod": {"startDateTime": "2026-01-01T00:00:00Z", "endDateTime": "2036-01-01T00:00:00Z"}}""";
            default -> "{}";
        };
    }

    /** Valid or not: noise, which the poison makes irrelevant. */
    private String anyBody(Kind kind) {
        return switch (random.nextInt(3)) {
            case 0 -> validBody(kind);
            case 1 -> new String(badBody(kind), StandardCharsets.UTF_8);
            default -> "{" + json(values.text()) + ": " + json(values.text()) + "}";
        };
    }

    private byte[] badBody(Kind kind) {
        if (random.nextInt(10) == 0) {
            return malformedJson(kind);
        }
        String body = switch (kind) {
            case CREATE_SESSION -> badCreate();
            case PATCH_SESSION -> badPatch();
            case CREATE_BULK_REQUEST -> badBulkRequest();
            default -> badSearch();
        };
        return body.getBytes(StandardCharsets.UTF_8);
    }

    /** What is no strict JSON object at all, the same for every endpoint. */
    private byte[] malformedJson(Kind kind) {
        String valid = validBody(kind);
        return switch (random.nextInt(9)) {
            case 0 -> (valid + " // " + values.text()).getBytes(StandardCharsets.UTF_8);
            case 1 -> (valid + valid).getBytes(StandardCharsets.UTF_8);
            case 2 -> valid.substring(0, valid.length() / 2).getBytes(StandardCharsets.UTF_8);
            case 3 -> "[".repeat(values.between(900, 1500)).getBytes(StandardCharsets.UTF_8);
            case 4 -> {
                // Bytes that are no UTF-8 inside a string.
                byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
                byte[] broken = new byte[bytes.length + 2];
                int at = valid.indexOf('"') + 1;
                System.arraycopy(bytes, 0, broken, 0, at);
                broken[at] = (byte) 0xC3;
                broken[at + 1] = (byte) 0x28;
                System.arraycopy(bytes, at, broken, at + 2, bytes.length - at);
                yield broken;
            }
            case 5 -> ("{\"" + values.sized() + "\": " + "9".repeat(values.between(1001, 5000)) + "}")
                    .getBytes(StandardCharsets.UTF_8);
            case 6 -> ("{'single': 'quotes'," + valid.substring(1)).getBytes(StandardCharsets.UTF_8);
            case 7 -> ("{\"padding\": \"" + "x".repeat(1_100_000) + "\"}").getBytes(StandardCharsets.UTF_8);
            default -> values.pick(List.of("null", "[]", "true", "-0", "\"text\"", "{,}", "{\"a\"}", " ", "\uFEFF"))
                    .getBytes(StandardCharsets.UTF_8);
        };
    }

    private String badCreate() {
        String artifact = "{\"restorePoint\": {\"@odata.id\": " + json(values.chance(50) ? fixture.restorePointId()
                : values.text()) + "}, \"destinationType\": " + badEnum("inPlace", "new") + "}";
        return switch (random.nextInt(8)) {
            case 0 -> "{\"mailboxRestoreArtifacts\": " + nonArray(false) + "}";
            case 1 -> "{\"mailboxRestoreArtifacts\": [" + artifact + "]}";
            case 2 -> "{\"mailboxRestoreArtifacts\": [], \"mailboxRestoreArtifacts\": [" + artifact.replaceAll(
                    "\"destinationType\": .*}$", "\"destinationType\": \"inPlace\"}") + "]}";
            case 3 -> "{" + json(unknownProperty(Set.of("mailboxRestoreArtifacts", "@odata.type", "id", "status",
                    "createdBy", "createdDateTime", "lastModifiedBy", "lastModifiedDateTime", "completedDateTime",
                    "error", "restoreSessionArtifactCount", "restoreJobType"))) + ": " + json(values.text()) + "}";
            case 4 -> "{\"" + values.pick(List.of("status", "createdBy", "id", "restoreJobType", "error")) + "\": "
                    + values.pick(List.of("\"active\"", "{}", "1", "[]", json(values.text()))) + "}";
            case 5 -> "{\"mailboxRestoreArtifacts\": [" + IntStream.range(0, values.between(51, 120))
                    .mapToObj(i -> "{\"restorePoint\": {\"id\": \"rp-" + i + "\"}, \"destinationType\": \"new\"}")
                    .collect(Collectors.joining(",")) + "]}";
            case 6 -> "{\"@odata.type\": " + json(values.text()) + ", \"mailboxRestoreArtifacts\": []}";
            default -> "{\"mailboxRestoreArtifacts\": [" + values.pick(List.of("1", "null", "\"x\"", "[]", "{}",
                    "{\"restorePoint\": " + values.pick(List.of("null", "1", "\"x\"", "{}", "[]")) + ", "
                            + "\"destinationType\": \"inPlace\"}")) + "]}";
        };
    }

    private String badPatch() {
        String delta = "\"mailboxRestoreArtifacts@delta\"";
        return switch (random.nextInt(9)) {
            case 0 -> "{" + delta + ": " + nonArray(true) + "}";
            case 1 -> "{" + delta + ": []}";
            case 2 -> "{" + delta + ": [{\"restorePoint\": {\"@odata.id\": " + json(values.text()) + "}, "
                    + "\"destinationType\": " + badEnum("inPlace", "new") + "}]}";
            case 3 -> "{" + delta + ": [{\"@removed\": {\"reason\": " + badEnum("changed", "deleted") + "}, \"id\": "
                    + json(values.text()) + "}]}";
            case 4 -> "{" + delta + ": [{\"id\": " + json(values.text()) + "}]}";
            case 5 -> "{" + delta + ": [], " + delta + ": [{\"restorePoint\": {\"@odata.id\": \""
                    + fixture.restorePointId() + "\"}, \"destinationType\": \"inPlace\"}]}";
            case 6 -> "{" + delta + ": [" + IntStream.range(0, values.between(51, 80))
                    .mapToObj(i -> "{\"@removed\": {\"reason\": \"deleted\"}, \"id\": \"a-" + i + "\"}")
                    .collect(Collectors.joining(",")) + "]}";
            case 7 -> "{" + delta + ": [{\"@removed\": {\"reason\": \"changed\"}, \"id\": \"x\"}], "
                    + json(unknownProperty(Set.of("mailboxRestoreArtifacts@delta", "@odata.type"))) + ": 1}";
            default -> "{" + delta + ": [" + values.pick(List.of("1", "null", "\"x\"", "[]", "{}",
                    "{\"restorePoint\": {\"@odata.id\": \"rp\"}, \"destinationType\": \"inPlace\", "
                            + json(values.text()) + ": 1}")) + "]}";
        };
    }

    private static final String BULK_MAILBOXES = "{\"mailboxes\": [\"adele@contoso.com\"]";
    private static final String BULK_PERIOD = "\"protectionTimePeriod\": {\"startDateTime\": "
            + "\"2026-01-01T00:00:00Z\", \"endDateTime\": \"2036-01-01T00:00:00Z\"}";

    private String badBulkRequest() {
        String destination = "\"destinationType\": \"inPlace\"";
        return switch (random.nextInt(9)) {
            case 0 -> "{\"mailboxes\": " + nonArray(false) + ", " + BULK_PERIOD + ", " + destination + "}";
            // No address: a space or no at sign.
            case 1 -> "{\"mailboxes\": [" + json(values.text() + " @" + values.text()) + "], " + BULK_PERIOD + ", "
                    + destination + "}";
            case 2 -> "{" + BULK_PERIOD + ", " + destination + ", \"mailboxes\": [], \"directoryObjectIds\": null}";
            case 3 -> BULK_MAILBOXES + ", \"protectionTimePeriod\": {\"startDateTime\": " + badTimeValue()
                    + ", \"endDateTime\": \"2036-01-01T00:00:00Z\"}, " + destination + "}";
            case 4 -> BULK_MAILBOXES + ", " + BULK_PERIOD + ", \"destinationType\": " + badEnum("inPlace", "new") + "}";
            case 5 -> BULK_MAILBOXES + ", " + BULK_PERIOD + ", " + destination + ", \"restorePointPreference\": "
                    + badEnum("latest", "oldest") + "}";
            case 6 -> BULK_MAILBOXES + ", " + BULK_PERIOD + ", " + destination + ", " + json(unknownProperty(Set.of(
                    "displayName", "mailboxes", "directoryObjectIds", "protectionTimePeriod", "destinationType",
                    "restorePointPreference", "tags", "@odata.type", "id", "status", "error", "createdBy",
                    "createdDateTime", "lastModifiedBy", "lastModifiedDateTime", "protectionUnitIds"))) + ": 1}";
            case 7 -> BULK_MAILBOXES + ", " + BULK_PERIOD + ", " + destination + ", \""
                    + values.pick(List.of("status", "id", "createdBy", "protectionUnitIds")) + "\": "
                    + values.pick(List.of("\"active\"", "{}", "1", "[]")) + "}";
            default -> BULK_MAILBOXES + ", \"protectionTimePeriod\": {\"startDateTime\": \"2036-01-01T00:00:00Z\", "
                    + "\"endDateTime\": \"2026-01-01T00:00:00Z\"}, " + destination + "}";
        };
    }

    private String badSearch() {
        String units = "\"protectionUnitIds\": [\"e31499c5-3bfa-57dd-9638-c6350c5bcff8\"]";
        String period = "\"protectionTimePeriod\": {\"startDateTime\": \"2026-01-01T00:00:00Z\", "
                + "\"endDateTime\": \"2036-01-01T00:00:00Z\"}";
        return switch (random.nextInt(9)) {
            case 0 -> "{\"protectionUnitIds\": " + values.pick(List.of("[]", "null", "\"x\"", "1", "{}",
                    "[" + values.pick(List.of("1", "3.14", "null", "{}", "[]", "true", "1e308")) + "]",
                    "[" + json(values.pick(HostileValues.CONTROL) + values.text()) + "]",
                    "[\"" + "u".repeat(values.between(257, 40_000)) + "\"]")) + ", " + period + "}";
            case 1 -> "{" + units + ", \"protectionTimePeriod\": {\"startDateTime\": " + badTimeValue()
                    + ", \"endDateTime\": \"2036-01-01T00:00:00Z\"}}";
            case 2 -> "{" + units + ", \"protectionTimePeriod\": {\"startDateTime\": \"2026-01-01T00:00:00Z\", "
                    + "\"endDateTime\": " + badTimeValue() + "}}";
            case 3 -> "{" + units + ", \"protectionTimePeriod\": " + values.pick(List.of("null", "[]", "\"x\"", "{}",
                    "{\"startDateTime\": \"2036-01-01T00:00:00Z\", \"endDateTime\": \"2026-01-01T00:00:00Z\"}")) + "}";
            case 4 -> "{" + units + ", " + period + ", \"restorePointPreference\": " + badEnum("latest", "oldest") + "}";
            case 5 -> "{" + units + ", " + period + ", \"tags\": " + badEnum("none", "fastRestore") + "}";
            case 6 -> "{" + units + ", " + period + ", " + json(unknownProperty(Set.of("protectionUnitIds",
                    "protectionTimePeriod", "restorePointPreference", "tags", "artifactQuery", "@odata.type")))
                    + ": " + json(values.text()) + "}";
            case 7 -> "{" + units + ", " + units + ", " + period + "}";
            default -> "{" + units + ", " + period + ", \"artifactQuery\": " + values.pick(List.of("{}", "1",
                    "{\"artifactType\": \"message\"}", json(values.text()))) + "}";
        };
    }

    private String badTimeValue() {
        return values.chance(70) ? json(values.badTime())
                : values.pick(List.of("1e308", "0", "-1", "null", "{}", "[]", "true", "1.7976931348623157E309"));
    }

    /** A JSON value that is no array (null counting as one where it is allowed). */
    private String nonArray(boolean nullRefused) {
        List<String> options = new ArrayList<>(List.of("{}", "1", "\"[]\"", "true", json(values.text()), "1e999999"));
        if (nullRefused) {
            options.add("null");
        }
        return values.pick(options);
    }

    /** Anything but the members' own spelling: another case, spaces, other types. */
    private String badEnum(String... members) {
        String member = values.pick(List.of(members));
        return values.pick(List.of(json(member.toUpperCase(Locale.ROOT)),
                json(member.substring(0, 1).toUpperCase(Locale.ROOT) + member.substring(1)), json(" " + member),
                json(member + "\u0000"), json(values.text()), "1", "[\"" + member + "\"]", "{}",
                json("unknownFutureValue")));
    }

    private String unknownProperty(Set<String> known) {
        String name;
        do {
            name = values.text();
        } while (known.contains(name));
        return name;
    }

    // ---- helpers -------------------------------------------------------------------------------------------------

    private String signed(Consumer<JWTClaimsSet.Builder> change) {
        return TestTokens.local().sign(claims(change));
    }

    private static JWTClaimsSet claims(Consumer<JWTClaimsSet.Builder> change) {
        JWTClaimsSet.Builder claims = TestTokens.delegatedClaims()
                .claim("scp", Permission.READ_WRITE + " " + Permission.SEARCH)
                .claim("roles", List.of(TestTokens.AUDIT_ROLE));
        change.accept(claims);
        return claims.build();
    }

    /** A JSON string of any text, escaped as JSON escapes it (lone surrogates and control characters included). */
    static String json(String text) {
        StringBuilder json = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                default -> {
                    if (c < 0x20 || (c >= 0xD800 && c <= 0xDFFF) || c == 0x7F) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"').toString();
    }

    /**
     * Text a header may carry on the wire: no CR or LF (which would start a header of its own, the attacker's, and
     * this corpus means to test the service, not to smuggle a second request past it).
     */
    private static String headerSafe(String text) {
        return text.replace("\r", "").replace("\n", "");
    }
}
