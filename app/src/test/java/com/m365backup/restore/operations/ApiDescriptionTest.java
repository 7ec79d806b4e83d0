package com.m365backup.restore.operations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.GraphHttp;
import com.m365backup.restore.IntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The OpenAPI document describes every path the controllers serve, with the examples of spec/api.md. */
@IntegrationTest
class ApiDescriptionTest {

    private static final String SESSION = "/beta/solutions/backupRestore/exchangeRestoreSessions/{sessionId}";

    @LocalServerPort
    int port;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping handlerMapping;

    private JsonNode document;

    @BeforeEach
    void readDocument() {
        GraphHttp.Response answer = new GraphHttp(port).get("/v3/api-docs");
        assertThat(answer.status()).isEqualTo(200);
        document = answer.json();
    }

    @Test
    void every_path_and_method_of_every_controller_is_in_the_document() {
        Set<String> served = new TreeSet<>();
        handlerMapping.getHandlerMethods().forEach((mapping, handler) -> {
            if (isOurs(handler)) {
                for (String path : mapping.getPatternValues()) {
                    methods(mapping).forEach(method -> served.add(method + " " + withoutRegex(path)));
                }
            }
        });
        Set<String> described = new TreeSet<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fieldNames()
                .forEachRemaining(method -> described.add(method.toUpperCase() + " " + path.getKey())));

        assertThat(served).isNotEmpty().contains("PATCH " + SESSION);
        assertThat(described).containsAll(served);
    }

    @Test
    void the_patch_carries_the_example_of_the_source_page() throws Exception {
        JsonNode example = document.at("/paths/" + SESSION.replace("/", "~1")
                + "/patch/requestBody/content/application~1json/example");

        assertThat(example).isEqualTo(new ObjectMapper().readTree(ApiDescription.DELTA_EXAMPLE));
        assertThat(example.get("mailboxRestoreArtifacts@delta")).hasSize(7);
    }

    @Test
    void every_operation_asks_for_a_bearer_token() {
        assertThat(document.at("/components/securitySchemes/bearer/scheme").asText()).isEqualTo("bearer");
        assertThat(document.at("/security/0").has("bearer")).isTrue();
    }

    @Test
    void swagger_ui_is_served() {
        GraphHttp.Response page = new GraphHttp(port).get("/swagger-ui/index.html");

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Swagger UI");
    }

    private static boolean isOurs(HandlerMethod handler) {
        return handler.getBeanType().getPackageName().startsWith("com.m365backup.restore")
                && !ErrorController.class.isAssignableFrom(handler.getBeanType());
    }

    // A mapping without methods answers every method; the document then lists what springdoc makes of it.
    private static Set<String> methods(RequestMappingInfo mapping) {
        Set<String> methods = mapping.getMethodsCondition().getMethods().stream()
                .map(Enum::name).collect(Collectors.toCollection(TreeSet::new));
        return methods.isEmpty() ? Set.of("GET") : methods;
    }

    /** {@code {id:.+}} is {@code {id}} in OpenAPI. */
    private static String withoutRegex(String path) {
        return path.replaceAll("\\{([^}:]+):[^}]*}", "{$1}");
    }
}
