package com.m365backup.restore.app.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

import static java.util.Map.entry;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every path the controllers serve, once, versionless, with the statuses each handler
 * answers, the query options each resource takes and the examples of docs/api.md; an OpenAPI parser reads it without
 * a complaint.
 */
@IntegrationTest
class ApiDescriptionTest extends RunningApplicationTest {

    private static final String ROOT = "/solutions/backupRestore";
    private static final String SESSIONS = ROOT + "/exchangeRestoreSessions";
    private static final String SESSION = SESSIONS + "/{sessionId}";
    private static final List<String> DESCRIBED_PREFIXES = List.of("/solutions/", "/audit/", "/$metadata");
    private static final String ERROR_SCHEMA = "#/components/schemas/graphError";
    private static final List<String> QUERY_OPTIONS =
            List.of("$top", "$skiptoken", "$count", "$select", "$expand", "$filter", "$orderby");

    /**
     * The successes each handler answers, read from its code: 201 for a create (202 when the read side has not
     * shown it in time), 204 for a delete, 200 for the rest. A handler added later fails the test until it is here.
     */
    private static final Map<String, Set<Integer>> SUCCESSES = Map.ofEntries(
            entry("ExchangeRestoreSessionController#create", Set.of(201, 202)),
            entry("ExchangeRestoreSessionController#patch", Set.of(200, 202)),
            entry("SessionLifecycleController#activate", Set.of(200, 202)),
            entry("SessionLifecycleController#delete", Set.of(204, 202)),
            entry("BulkAdditionController#create", Set.of(201, 202)),
            entry("BulkAdditionController#delete", Set.of(204, 202)),
            entry("RestoreSessionController#exchangeSessions", Set.of(200)),
            entry("RestoreSessionController#exchangeSession", Set.of(200)),
            entry("RestoreSessionController#allSessions", Set.of(200)),
            entry("RestoreSessionController#anySession", Set.of(200)),
            entry("MailboxRestoreArtifactController#artifacts", Set.of(200)),
            entry("MailboxRestoreArtifactController#count", Set.of(200)),
            entry("MailboxRestoreArtifactController#artifact", Set.of(200)),
            entry("BulkAdditionRequestController#requests", Set.of(200)),
            entry("BulkAdditionRequestController#count", Set.of(200)),
            entry("BulkAdditionRequestController#request", Set.of(200)),
            entry("RestorePointController#restorePoints", Set.of(200)),
            entry("RestorePointController#restorePoint", Set.of(200)),
            entry("RestorePointController#search", Set.of(200)),
            entry("ProtectionUnitController#protectionUnits", Set.of(200)),
            entry("ProtectionUnitController#protectionUnitsThatAreMailboxes", Set.of(200)),
            entry("ProtectionUnitController#mailboxProtectionUnits", Set.of(200)),
            entry("ProtectionUnitController#count", Set.of(200)),
            entry("ProtectionUnitController#protectionUnit", Set.of(200)),
            entry("ServiceMetadataController#metadata", Set.of(200)),
            entry("AuditController#pastState", Set.of(200)),
            entry("AuditController#events", Set.of(200)),
            entry("ProjectionReplayController#start", Set.of(202)),
            entry("ProjectionReplayController#status", Set.of(200)));

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private String text;
    private JsonNode document;

    @BeforeEach
    void readDocument() {
        GraphHttp.Response answer = new GraphHttp(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        text = answer.body();
        document = answer.json();
    }

    @Test
    void an_openapi_parser_reads_the_document_without_a_complaint() {
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(text, null, options);

        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getPaths()).isNotEmpty();
        // 3.0, as the schemas are written: a 3.1 document would drop their nullable.
        assertThat(document.get("openapi").asText()).startsWith("3.0");
        assertThat(schema("#/components/schemas/exchangeRestoreSession")
                .at("/properties/completedDateTime/nullable").asBoolean()).isTrue();
    }

    @Test
    void every_path_and_method_served_is_described_once_without_its_version_prefix() {
        Set<String> served = new TreeSet<>();
        ourHandlers().forEach((mapping, handler) -> {
            for (String path : mapping.getPatternValues()) {
                if (!isVersioned(path)) {
                    methods(mapping).forEach(method -> served.add(method + " " + withoutRegex(path)));
                }
            }
        });

        assertThat(described()).isEqualTo(served).contains("PATCH " + SESSION);
        assertThat(document.get("paths").fieldNames()).toIterable()
                .noneMatch(ApiDescriptionTest::isVersioned)
                .doesNotContain("/error")
                .noneMatch(path -> path.startsWith("/actuator"));
    }

    @Test
    void the_graph_paths_are_served_under_each_version_and_the_audit_at_the_root() {
        assertThat(document.get("servers").findValuesAsText("url")).containsExactly("/beta", "/v1.0", "/");
        assertThat(document.at("/paths/~1audit~1restoreSessions~1{sessionId}~1events/servers")
                .findValuesAsText("url")).containsExactly("/");
    }

    @Test
    void every_operation_has_a_resource_tag_and_a_summary() {
        Set<String> tags = new TreeSet<>();
        document.get("tags").forEach(tag -> tags.add(tag.get("name").asText()));
        assertThat(tags).isEqualTo(ApiOperations.TAGS);

        operations().forEach((key, operation) -> {
            assertThat(operation.get("tags")).as(key).hasSize(1);
            assertThat(operation.at("/tags/0").asText()).as(key).isIn(ApiOperations.TAGS);
            assertThat(operation.path("summary").asText()).as(key).isNotBlank();
        });
        List<String> ids = operations().values().stream().map(operation -> operation.path("operationId").asText())
                .toList();
        assertThat(ids).doesNotHaveDuplicates().allMatch(id -> id.matches("[a-z][A-Za-z0-9]+"));
        assertThat(operation("PATCH", SESSION).get("operationId").asText())
                .isEqualTo("addAndRemoveMailboxRestoreArtifacts");
    }

    @Test
    void every_handler_has_its_successes_401_and_the_graph_error_on_each_failure() {
        List<String> unknown = new ArrayList<>();
        ourHandlers().forEach((mapping, handler) -> {
            String name = handler.getBeanType().getSimpleName() + "#" + handler.getMethod().getName();
            Set<Integer> successes = SUCCESSES.get(name);
            if (successes == null) {
                unknown.add(name);
                return;
            }
            for (String path : mapping.getPatternValues()) {
                if (isVersioned(path) || DESCRIBED_PREFIXES.stream().noneMatch(path::startsWith)) {
                    continue;
                }
                for (String method : methods(mapping)) {
                    String key = method + " " + withoutRegex(path);
                    JsonNode responses = operation(method, withoutRegex(path)).get("responses");
                    successes.forEach(status -> assertThat(responses.has(status.toString())).as(key + " " + status)
                            .isTrue());
                    if (!path.equals("/$metadata")) {
                        assertThat(responses.has("401")).as(key + " 401").isTrue();
                    }
                    responses.fields().forEachRemaining(response -> {
                        if (response.getKey().startsWith("4") || response.getKey().startsWith("5")) {
                            assertThat(response.getValue().at("/content/application~1json/schema/$ref").asText())
                                    .as(key + " " + response.getKey()).isEqualTo(ERROR_SCHEMA);
                        }
                    });
                }
            }
        });
        assertThat(unknown).as("handlers whose successes this test does not know").isEmpty();
    }

    @Test
    void the_writes_that_check_versions_content_and_state_say_so() {
        JsonNode patch = operation("PATCH", SESSION).get("responses");
        assertThat(patch.fieldNames()).toIterable()
                .contains("200", "202", "400", "401", "403", "404", "406", "412", "415", "503");
        JsonNode create = operation("POST", SESSIONS).get("responses");
        assertThat(create.fieldNames()).toIterable().contains("201", "202", "400", "408", "413", "415");
        assertThat(create.at("/201/headers/Location")).isNotEmpty();
    }

    @Test
    void the_patch_takes_a_typed_delta_with_the_example_of_the_source_page() throws Exception {
        JsonNode body = operation("PATCH", SESSION).at("/requestBody/content/application~1json");
        assertThat(body.get("example")).isEqualTo(new ObjectMapper().readTree(ApiDescription.DELTA_EXAMPLE));
        assertThat(body.at("/example/mailboxRestoreArtifacts@delta")).hasSize(7);

        JsonNode delta = schema(body.at("/schema/$ref").asText());
        JsonNode items = delta.at("/properties/mailboxRestoreArtifacts@delta/items/oneOf");
        assertThat(items.findValuesAsText("$ref")).containsExactly("#/components/schemas/artifactAddition",
                "#/components/schemas/artifactRemoval");
        assertThat(schema("#/components/schemas/artifactRemoval").at("/properties/@removed/properties/reason/enum"))
                .hasSize(2);
    }

    @Test
    void the_resources_have_graph_schemas_with_examples() {
        for (String name : List.of("exchangeRestoreSession", "mailboxRestoreArtifact", "restorePoint",
                "mailboxProtectionUnit", "mailboxRestoreArtifactsBulkAdditionRequest", "bulkAdditionRequestCreate",
                "restorePointSearchRequest", "restorePointSearchResponse", "exchangeRestoreSessionDeltaResult",
                "graphError")) {
            assertThat(schema("#/components/schemas/" + name).get("example")).as(name).isNotNull();
        }
        assertThat(schema(ERROR_SCHEMA).at("/properties/error/properties/innerError/properties").fieldNames())
                .toIterable().containsExactly("date", "request-id", "client-request-id");
        assertThat(operation("GET", "/solutions/backupRestore/restorePoints/{restorePointId}")
                .at("/responses/200/content/application~1json/schema/$ref").asText())
                .isEqualTo("#/components/schemas/restorePoint");
    }

    /**
     * Each resource answers the OData options its capabilities take and refuses every other with a 400 that says it
     * is not supported; the document lists exactly the ones it takes. A session id no tenant has is enough: the
     * options are read before the session is looked for.
     */
    @Test
    void every_read_lists_exactly_the_query_options_it_takes() {
        operations().forEach((key, operation) -> {
            if (!key.startsWith("GET ") || key.contains("/audit/projections")) {
                return;
            }
            String path = concrete(key.substring("GET ".length()));
            Map<String, String> documented = new HashMap<>();
            operation.path("parameters").forEach(parameter -> {
                if (parameter.get("in").asText().equals("query")) {
                    documented.put(parameter.get("name").asText(), sampleValue(parameter));
                }
            });
            for (String option : QUERY_OPTIONS) {
                String value = documented.getOrDefault(option, "1");
                GraphHttp.Response answer = http.get(path + "?" + option + "=" + encoded(value));
                boolean refused = answer.status() == 400 && answer.body().contains("not supported");
                assertThat(refused).as(key + " " + option + "=" + value + ": " + answer.body())
                        .isEqualTo(!documented.containsKey(option));
            }
        });
    }

    /**
     * Real answers name no property their schema leaves out: a session made here, with an artifact, read through
     * each resource, and an error.
     */
    @Test
    void the_answers_have_only_the_properties_their_schemas_name() {
        String restorePoint = catalog.restorePoint("rp-openapi-" + UUID.randomUUID());
        String add = "{\"restorePoint\": {\"@odata.id\": \"" + restorePoint + "\"}, \"destinationType\": \"inPlace\"}";
        GraphHttp.Response created = http.post(SESSIONS, "{\"mailboxRestoreArtifacts\": [" + add + "]}");
        assertThat(created.status()).isEqualTo(201);
        String session = SESSIONS + "/" + created.json().get("id").asText();
        GraphHttp.Response patched = http.patch(session, "{\"mailboxRestoreArtifacts@delta\": [" + add
                + ", {\"@removed\": {\"reason\": \"changed\"}, \"id\": \"" + UUID.randomUUID() + "\"}]}");
        String unit = http.get(ROOT + "/restorePoints/" + restorePoint + "?$expand=protectionUnit").json()
                .at("/protectionUnit/id").asText();

        Map<GraphHttp.Response, String> answers = new LinkedHashMap<>();
        answers.put(created, "exchangeRestoreSession");
        answers.put(patched, "exchangeRestoreSessionDeltaResult");
        answers.put(http.get(session + "?$expand=mailboxRestoreArtifacts"), "exchangeRestoreSession");
        answers.put(http.get(SESSIONS + "?$count=true&$top=2"), "exchangeRestoreSessionCollection");
        answers.put(http.get(session + "/mailboxRestoreArtifacts"), "mailboxRestoreArtifactCollection");
        answers.put(http.get(ROOT + "/restorePoints/" + restorePoint + "?$expand=protectionUnit"), "restorePoint");
        answers.put(http.get(ROOT + "/restorePoints?$expand=" + encoded("protectionUnit($filter=id eq '" + unit
                + "')")), "restorePointCollection");
        answers.put(http.get(ROOT + "/protectionUnits/" + unit), "mailboxProtectionUnit");
        answers.put(http.get(ROOT + "/mailboxProtectionUnits?$top=2"), "mailboxProtectionUnitCollection");
        answers.put(http.post(ROOT + "/restorePoints/search", "{\"protectionUnitIds\": [\"" + unit + "\"],"
                + " \"protectionTimePeriod\": {\"startDateTime\": \"2020-01-01T00:00:00Z\","
                + " \"endDateTime\": \"2030-01-01T00:00:00Z\"}}"), "restorePointSearchResponse");
        answers.put(http.get("/audit/restoreSessions/" + created.json().get("id").asText() + "/events"),
                "sessionHistoryPage");
        answers.put(http.get("/audit/restoreSessions/" + created.json().get("id").asText() + "?version=0"),
                "pastRestoreSession");
        answers.put(http.get(SESSIONS + "/" + UUID.randomUUID()), "graphError");

        answers.forEach((answer, schema) -> {
            assertThat(answer.status()).as(schema + ": " + answer.body()).isLessThan(500);
            assertThat(undescribed(answer.json(), schema("#/components/schemas/" + schema), schema))
                    .as(answer.body()).isEmpty();
        });
    }

    @Test
    void every_operation_asks_for_a_bearer_token_but_the_metadata() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
        assertThat(operation("GET", "/$metadata").get("security")).isEmpty();
    }

    @Test
    void swagger_ui_is_served() {
        GraphHttp.Response page = new GraphHttp(port).get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
        GraphHttp.Response address = new GraphHttp(port).get("/swagger-ui.html");
        assertThat(address.status()).isEqualTo(302);
        assertThat(address.header("Location")).endsWith("/swagger-ui/index.html");
    }

    /** The properties of {@code value} (and of what it holds) that {@code schema} does not name. */
    private List<String> undescribed(JsonNode value, JsonNode schema, String where) {
        if (schema.has("$ref")) {
            return undescribed(value, schema(schema.get("$ref").asText()), where);
        }
        if (schema.has("oneOf")) {
            List<String> best = null;
            for (JsonNode option : schema.get("oneOf")) {
                List<String> missing = undescribed(value, option, where);
                best = best == null || missing.size() < best.size() ? missing : best;
            }
            return best;
        }
        List<String> missing = new ArrayList<>();
        if (value.isArray() && schema.has("items")) {
            value.forEach(item -> missing.addAll(undescribed(item, schema.get("items"), where + "[]")));
        }
        Map<String, JsonNode> properties = properties(schema);
        if (value.isObject() && !properties.isEmpty()) {
            value.fields().forEachRemaining(field -> {
                JsonNode property = properties.get(field.getKey());
                if (property == null) {
                    missing.add(where + "." + field.getKey());
                } else {
                    missing.addAll(undescribed(field.getValue(), property, where + "." + field.getKey()));
                }
            });
        }
        return missing;
    }

    /** A schema's properties, those of its allOf parts included. */
    private Map<String, JsonNode> properties(JsonNode schema) {
        Map<String, JsonNode> properties = new HashMap<>();
        if (schema.has("$ref")) {
            return properties(schema(schema.get("$ref").asText()));
        }
        schema.path("allOf").forEach(part -> properties.putAll(properties(part)));
        schema.path("properties").fields().forEachRemaining(field -> properties.put(field.getKey(), field.getValue()));
        return properties;
    }

    private Map<RequestMappingInfo, HandlerMethod> ourHandlers() {
        return handlerMapping.getHandlerMethods().entrySet().stream()
                .filter(handler -> handler.getValue().getBeanType().getPackageName()
                        .startsWith("com.m365backup.restore"))
                .filter(handler -> handler.getKey().getPatternValues().stream()
                        .anyMatch(path -> DESCRIBED_PREFIXES.stream().anyMatch(path::startsWith)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private Set<String> described() {
        return new TreeSet<>(operations().keySet());
    }

    private Map<String, JsonNode> operations() {
        Map<String, JsonNode> operations = new TreeMap<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(method -> {
            if (!method.getKey().equals("servers") && !method.getKey().equals("parameters")) {
                operations.put(method.getKey().toUpperCase() + " " + path.getKey(), method.getValue());
            }
        }));
        return operations;
    }

    private JsonNode operation(String method, String path) {
        JsonNode operation = document.path("paths").path(path).path(method.toLowerCase());
        assertThat(operation.isMissingNode()).as(method + " " + path + " is described").isFalse();
        return operation;
    }

    private JsonNode schema(String reference) {
        return document.at(reference.substring(1));
    }

    // A mapping without methods answers every method; the document then lists what springdoc makes of it.
    private static Set<String> methods(RequestMappingInfo mapping) {
        Set<String> methods = mapping.getMethodsCondition().getMethods().stream()
                .map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        return methods.isEmpty() ? Set.of("GET") : methods;
    }

    private static boolean isVersioned(String path) {
        return path.startsWith("/beta/") || path.startsWith("/v1.0/");
    }

    /** {@code {id:.+}} is {@code {id}} in OpenAPI. */
    private static String withoutRegex(String path) {
        return path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }

    /** The path with a value for each variable: a session no tenant has, the mailbox artifacts. */
    private static String concrete(String path) {
        return path.replace("{sessionId}", UUID.randomUUID().toString())
                .replace("{collection}", "mailboxRestoreArtifacts")
                .replaceAll("\\{[^}]+}", "unknown");
    }

    /** A value the option takes: the example, the first member of a list, or one that fits the type. */
    private static String sampleValue(JsonNode parameter) {
        JsonNode schema = parameter.get("schema");
        if (schema.has("example")) {
            return schema.get("example").asText();
        }
        if (schema.has("items")) {
            return schema.at("/items/enum/0").asText();
        }
        return switch (schema.path("type").asText()) {
            case "boolean" -> "true";
            case "integer" -> "1";
            default -> parameter.get("name").asText().equals("asOf") ? "2026-01-31T12:00:00Z" : "x";
        };
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
