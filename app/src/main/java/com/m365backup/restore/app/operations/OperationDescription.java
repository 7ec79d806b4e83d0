package com.m365backup.restore.app.operations;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.RequestBody;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the document says of one operation: its tag, summary, parameters, body and every status it answers. The
 * controllers take the request whole and answer views, so springdoc derives little of this; it is written here and
 * replaces what springdoc derived.
 */
final class OperationDescription {

    static final String JSON = org.springframework.http.MediaType.APPLICATION_JSON_VALUE;
    static final String TEXT = org.springframework.http.MediaType.TEXT_PLAIN_VALUE;
    static final String XML = org.springframework.http.MediaType.APPLICATION_XML_VALUE;
    static final String ERROR_SCHEMA = "graphError";

    private static final Pattern PATH_VARIABLE = Pattern.compile("\\{([^}]+)}");

    /** What each error status means wherever no operation says more. */
    private static final Map<Integer, String> ERRORS = Map.ofEntries(
            Map.entry(400, "The request is not valid: a malformed id or body, or a query option this resource does"
                    + " not take (BadRequest, or the code of the endpoint)."),
            Map.entry(401, "The access token is missing, expired or not valid (InvalidAuthenticationToken)."),
            Map.entry(403, "The token lacks the permission this needs (accessDenied)."),
            Map.entry(404, "Unknown to the caller's tenant (RestoreSessionNotFound, itemNotFound)."),
            Map.entry(406, "The Accept header admits no format this operation answers (NotAcceptable)."),
            Map.entry(408, "The body did not arrive in time; send it again, whole (RequestTimeout)."),
            Map.entry(409, "The request met a change made at the same moment; nothing changed, send it again"
                    + " (Conflict)."),
            Map.entry(412, "If-Match names another version of the session; nothing changed (PreconditionFailed)."),
            Map.entry(413, "The body is too large (RequestEntityTooLarge)."),
            Map.entry(415, "The body is not application/json (UnsupportedMediaType)."),
            Map.entry(500, "An unexpected failure (InternalServerError)."),
            Map.entry(503, "The database is unreachable, or the session kept changing under the request: nothing"
                    + " was applied; send it again after Retry-After (ServiceUnavailable)."));

    private final String tag;
    private final String summary;
    private String description;
    private boolean needsToken = true;
    private final List<Parameter> parameters = new ArrayList<>();
    private RequestBody body;
    private final Map<String, ApiResponse> responses = new TreeMap<>();

    private OperationDescription(String tag, String summary) {
        this.tag = tag;
        this.summary = summary;
    }

    static OperationDescription of(String tag, String summary) {
        return new OperationDescription(tag, summary);
    }

    OperationDescription description(String text) {
        this.description = text;
        return this;
    }

    /** Served without a token (the metadata document). */
    OperationDescription withoutToken() {
        this.needsToken = false;
        return this;
    }

    OperationDescription parameters(Parameter... more) {
        parameters.addAll(List.of(more));
        return this;
    }

    OperationDescription body(String schema, String text, Object example) {
        MediaType json = new MediaType().schema(reference(schema));
        if (example != null) {
            json.example(example);
        }
        body = new RequestBody().required(true).description(text).content(new Content().addMediaType(JSON, json));
        return this;
    }

    /** A success with a JSON body of {@code schema}. */
    OperationDescription answers(int status, String text, String schema) {
        return answers(status, text, JSON, reference(schema));
    }

    OperationDescription answers(int status, String text, String mediaType, Schema<?> schema) {
        responses.put(Integer.toString(status), new ApiResponse().description(text)
                .content(new Content().addMediaType(mediaType, new MediaType().schema(schema))));
        return this;
    }

    /** A success without a body. */
    OperationDescription answers(int status, String text) {
        responses.put(Integer.toString(status), new ApiResponse().description(text));
        return this;
    }

    /** The last success named, with a response header. */
    OperationDescription withHeader(int status, String name, String text) {
        responses.get(Integer.toString(status))
                .addHeaderObject(name, new Header().description(text).schema(new StringSchema()));
        return this;
    }

    /** Error statuses with their usual meaning. */
    OperationDescription fails(int... statuses) {
        for (int status : statuses) {
            fails(status, ERRORS.get(status));
        }
        return this;
    }

    /** An error status with what it means for this operation. */
    OperationDescription fails(int status, String text) {
        ApiResponse error = new ApiResponse().description(text).content(new Content()
                .addMediaType(JSON, new MediaType().schema(reference(ERROR_SCHEMA))));
        if (status == 503) {
            error.addHeaderObject("Retry-After", new Header().description("Seconds to wait before sending it again.")
                    .schema(new StringSchema()));
        }
        responses.put(Integer.toString(status), error);
        return this;
    }

    /** "List a session's artifacts" is listASessionsArtifacts. */
    String camelCaseSummary() {
        StringBuilder id = new StringBuilder();
        for (String word : summary.replaceAll("[^A-Za-z0-9 ]", "").split(" +")) {
            id.append(id.length() == 0 ? word.toLowerCase(Locale.ROOT)
                    : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return id.toString();
    }

    /** Replaces what springdoc derived for the operation at {@code path} (its id named after the Java method). */
    void applyTo(String path, String operationId, Operation operation) {
        operation.operationId(operationId).tags(List.of(tag)).summary(summary).description(description);
        List<Parameter> all = new ArrayList<>();
        Matcher variables = PATH_VARIABLE.matcher(path);
        while (variables.find()) {
            all.add(PathVariables.of(variables.group(1)));
        }
        all.addAll(parameters);
        operation.parameters(all.isEmpty() ? null : all);
        operation.requestBody(body);
        ApiResponses answers = new ApiResponses();
        if (needsToken && !responses.containsKey("401")) {
            fails(401);
        }
        responses.forEach(answers::addApiResponse);
        operation.responses(answers);
        if (!needsToken) {
            operation.security(List.of());
        }
    }

    static Schema<?> reference(String schema) {
        return new Schema<>().$ref("#/components/schemas/" + schema);
    }
}
