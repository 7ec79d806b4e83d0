package com.m365backup.restore.app.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.m365backup.restore.app.security.localtokens.LocalTokenCommand;
import io.swagger.v3.core.util.Yaml;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.Paths;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}), with the request examples
 * of docs/api.md. Every Graph path is served at the root and under {@code /beta} and {@code /v1.0}: the document lists
 * each path once, versionless, with the three prefixes as its servers. The controllers read bodies as bytes (to give
 * every malformed body its Graph code) and answer views, so springdoc finds the operations and this description says
 * what they take and answer: {@link ApiOperations} per operation, {@code openapi/components.yaml} for the schemas.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    private static final String BEARER = "bearer";
    private static final String COMPONENTS = "openapi/components.yaml";
    /** Paths served only at the root: the audit is this service's extension, not a versioned Graph path. */
    private static final String AUDIT = "/audit/";

    /** The example of Graph's "Update exchangeRestoreSession" page (docs/api.md, PATCH: the delta payload), its comments left out. */
    static final String DELTA_EXAMPLE = """
            {"mailboxRestoreArtifacts@delta": [
              {"restorePoint": {"@odata.id": "1b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"},
              {"restorePoint": {"@odata.id": "2b014d8c-71fe-4d00-a01a-31850bc5b32"}, "destinationType": "inPlace"},
              {"restorePoint": {"@odata.id": "3b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"},
              {"restorePoint": {"@odata.id": "4b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"},
              {"@removed": {"reason": "changed"}, "id": "99954f18-c8ec-4b62-85bf-cdf3b70b140e"},
              {"@removed": {"reason": "changed"}, "id": "4267e382-71a9-4c07-bef7-bda97e09c0d2"},
              {"@removed": {"reason": "changed"}, "id": "3667e382-71a9-4c07-bef7-bda97e09c0d2"}
            ]}
            """;

    /** A create with two artifacts (docs/api.md, Create). */
    static final String CREATE_EXAMPLE = """
            {"mailboxRestoreArtifacts": [
              {"restorePoint": {"@odata.id": "0a014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"},
              {"restorePoint": {"@odata.id": "0b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}
            ]}
            """;

    @Bean
    OpenAPI restoreSessionsApi(LocalTokenCommand tokenCommand) {
        Components components = readComponents();
        return new OpenAPI().info(new Info()
                        .title("Exchange restore sessions")
                        .version("beta")
                        .description("Microsoft Graph (beta) backup-storage API for Exchange restore sessions. Every "
                                + "Graph path is served under /beta, under /v1.0 and at the root (the servers); the "
                                + "audit is served at the root only. Every request but $metadata needs a bearer "
                                + "token (docs/security.md)."))
                .servers(List.of(server("/beta", "Graph beta, as Graph clients address it"),
                        server("/v1.0", "Graph v1.0, as Graph clients address it"),
                        server("/", "The service root")))
                .tags(tags())
                .components(components.addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token with the scopes or app roles of docs/security.md; one "
                                + "signed by this service's local key (the embedded default): "
                                + tokenCommand.line())))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    /**
     * Keeps the versionless paths and drops Spring's {@code /error}, then describes each operation from the table.
     * The schemas springdoc derived from the Java views are replaced by the Graph ones, which the table names.
     */
    @Bean
    OpenApiCustomizer describedOperations() {
        ObjectMapper json = new ObjectMapper();
        ApiOperations table = new ApiOperations(parse(json, DELTA_EXAMPLE), parse(json, CREATE_EXAMPLE));
        Components components = readComponents();
        return api -> {
            Paths versionless = new Paths();
            api.getPaths().forEach((path, item) -> {
                if (!isVersioned(path) && !path.equals("/error")) {
                    describe(path, item, table);
                    versionless.addPathItem(path, item);
                }
            });
            api.setPaths(versionless);
            api.getComponents().setSchemas(components.getSchemas());
        };
    }

    private static void describe(String path, PathItem item, ApiOperations table) {
        item.readOperationsMap().forEach((method, operation) ->
                table.of(method.name(), path).ifPresent(description ->
                        description.applyTo(path, table.operationId(method.name(), path), operation)));
        if (path.startsWith(AUDIT)) {
            item.servers(List.of(server("/", "The service root: the audit has no versioned path")));
        }
    }

    private static boolean isVersioned(String path) {
        return path.startsWith("/beta/") || path.startsWith("/v1.0/");
    }

    private static Server server(String url, String description) {
        return new Server().url(url).description(description);
    }

    private static List<Tag> tags() {
        return List.of(
                tag(ApiOperations.SESSIONS_TAG, "Create, read, change (delta PATCH) and delete Exchange restore "
                        + "sessions."),
                tag(ApiOperations.ARTIFACTS_TAG, "The mailboxes (or, for a granular session, the messages) a "
                        + "session restores."),
                tag(ApiOperations.BULK_TAG, "A session's mailboxes handed over as a list and a time window, "
                        + "resolved at activation."),
                tag(ApiOperations.ALL_SESSIONS_TAG, "Sessions of every kind: read, activate, delete."),
                tag(ApiOperations.RESTORE_POINTS_TAG, "The catalog's restore points: list, read, search."),
                tag(ApiOperations.UNITS_TAG, "The catalog's mailboxes, to find the ids to restore."),
                tag(ApiOperations.METADATA_TAG, "The OData metadata document."),
                tag(ApiOperations.AUDIT_TAG, "This service's extension: a session's history and past states, and "
                        + "the rebuild of the read model."));
    }

    private static Tag tag(String name, String description) {
        return new Tag().name(name).description(description);
    }

    private static Components readComponents() {
        try (InputStream yaml = new ClassPathResource(COMPONENTS).getInputStream()) {
            return Yaml.mapper().readValue(yaml, Components.class);
        } catch (IOException unreadable) {
            throw new UncheckedIOException("The components of the API description cannot be read", unreadable);
        }
    }

    private static Object parse(ObjectMapper json, String example) {
        try {
            return json.readValue(example, Object.class);
        } catch (JsonProcessingException malformed) {
            throw new IllegalStateException("An example of the API description is not JSON", malformed);
        }
    }
}
