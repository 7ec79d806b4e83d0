package com.m365backup.restore.operations;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.m365backup.restore.security.LocalTokenCommand;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document at {@code /v3/api-docs} (Swagger UI at {@code /swagger-ui.html}), with the request examples
 * of spec/api.md. The writes read their bodies as bytes to give every malformed body its Graph code, so the shape of
 * a body is described here rather than derived from a type.
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    private static final String BEARER = "bearer";
    private static final String SESSIONS = "/exchangeRestoreSessions";
    private static final String SESSION = SESSIONS + "/{sessionId}";

    /** The example of Graph's "Update exchangeRestoreSession" page (spec/api.md, PATCH), its comments left out. */
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

    /** A create with two artifacts (spec/api.md, Create). */
    static final String CREATE_EXAMPLE = """
            {"mailboxRestoreArtifacts": [
              {"restorePoint": {"@odata.id": "0a014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"},
              {"restorePoint": {"@odata.id": "0b014d8c-71fe-4d00-a01a-31850bc5b32c"}, "destinationType": "inPlace"}
            ]}
            """;

    @Bean
    OpenAPI restoreSessionsApi(LocalTokenCommand tokenCommand) {
        return new OpenAPI().info(new Info()
                        .title("Exchange restore sessions")
                        .version("beta")
                        .description("Microsoft Graph (beta) backup-storage API for Exchange restore sessions. Every "
                                + "path is served at the root, under /beta and under /v1.0. Every request needs a "
                                + "bearer token (README, Security)."))
                .components(new Components().addSecuritySchemes(BEARER, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token with the scopes or app roles of the README's Security "
                                + "section; one signed by this service's local key (the embedded default): "
                                + tokenCommand.line())))
                .addSecurityItem(new SecurityRequirement().addList(BEARER));
    }

    @Bean
    OpenApiCustomizer requestExamples() {
        ObjectMapper json = new ObjectMapper();
        Object delta = parse(json, DELTA_EXAMPLE);
        Object create = parse(json, CREATE_EXAMPLE);
        return api -> api.getPaths().forEach((path, item) -> {
            if (path.endsWith(SESSION) && item.getPatch() != null) {
                describeBody(item.getPatch(), "The items to add and to remove, each applied on its own.", delta);
            }
            if (path.endsWith(SESSIONS) && item.getPost() != null) {
                describeBody(item.getPost(), "The new session, optionally with its first artifacts.", create);
            }
        });
    }

    private static void describeBody(Operation operation, String description, Object example) {
        operation.setRequestBody(new RequestBody().required(true).description(description).content(new Content()
                .addMediaType(org.springframework.http.MediaType.APPLICATION_JSON_VALUE,
                        new MediaType().schema(new ObjectSchema()).example(example))));
    }

    private static Object parse(ObjectMapper json, String example) {
        try {
            return json.readValue(example, Object.class);
        } catch (JsonProcessingException malformed) {
            throw new IllegalStateException("An example of the API description is not JSON", malformed);
        }
    }
}
