package com.m365backup.restore.app.operations;

import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.BooleanSchema;
import io.swagger.v3.oas.models.media.DateTimeSchema;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.HeaderParameter;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.parameters.QueryParameter;

import java.math.BigDecimal;
import java.util.List;

/**
 * The OData query options and request headers the operations take. Each resource takes only the options its
 * controller's {@code QueryCapabilities} name; any other option is a 400, so the document lists exactly those.
 */
final class QueryParameters {

    private QueryParameters() {
    }

    static Parameter top(int max) {
        return query("$top", "The page size" + (max > 5 ? ", 100 unless given" : "") + "; at most " + max + ".",
                new IntegerSchema().minimum(BigDecimal.ZERO).maximum(BigDecimal.valueOf(max)));
    }

    static Parameter skipToken() {
        return query("$skiptoken", "Where the next page starts: follow @odata.nextLink as it was given.",
                new StringSchema());
    }

    static Parameter count() {
        return query("$count", "true: the answer carries @odata.count, the number of members in all.",
                new BooleanSchema());
    }

    static Parameter select(String... properties) {
        return list("$select", "The properties to answer (comma-separated).", properties);
    }

    static Parameter expand(String... navigations) {
        return list("$expand", "The navigations to answer with the entity.", navigations);
    }

    static Parameter filter(String description, String example) {
        return query("$filter", description, new StringSchema().example(example));
    }

    static Parameter orderBy(String description, String example) {
        return query("$orderby", description, new StringSchema().example(example));
    }

    static Parameter query(String name, String description, Schema<?> schema) {
        return new QueryParameter().name(name).description(description).schema(schema);
    }

    static Parameter ifMatch() {
        return new HeaderParameter().name("If-Match").description("The @odata.etag of the session as last read: the"
                + " request changes nothing (412) if the session has changed since.").schema(new StringSchema());
    }

    static Parameter preferUnknownEnums() {
        return new HeaderParameter().name("Prefer").description("include-unknown-enum-members: show evolvable enum"
                + " members (status failed, restoreJobType granular) as they are, not as unknownFutureValue.")
                .schema(new StringSchema()._enum(List.of("include-unknown-enum-members")));
    }

    static Parameter clientRequestId() {
        return new HeaderParameter().name("client-request-id").description("The client's id of the request, echoed"
                + " in the answer. A create sent again with the same id by the same caller within 24 hours answers the"
                + " session the first one made (an extension beyond Graph).").schema(new StringSchema());
    }

    static Parameter asOf() {
        return query("asOf", "The session as it stood at this time (give asOf or version).", new DateTimeSchema());
    }

    static Parameter version() {
        return query("version", "The session as it stood after this event's sequence number (give asOf or version).",
                new IntegerSchema().format("int64").minimum(BigDecimal.ZERO));
    }

    // OData separates the members of $select and $expand by commas: form style, not exploded.
    private static Parameter list(String name, String description, String... members) {
        return new QueryParameter().name(name).description(description).style(Parameter.StyleEnum.FORM)
                .explode(false).schema(new ArraySchema().items(new StringSchema()._enum(List.of(members))));
    }
}
