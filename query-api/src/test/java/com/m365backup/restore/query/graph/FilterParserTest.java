package com.m365backup.restore.query.graph;

import com.m365backup.restore.domain.request.RequestRefused;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * The grammar of {@code $filter}, one expression a row: what each accepted one parses to, and the Graph error of
 * each refused one, on the properties and operators of the resources that take a filter.
 */
class FilterParserTest {

    /** The session collections. */
    private static final Resource SESSIONS = new Resource("$filter", Set.of("status", "createdDateTime"),
            Set.of("eq", "ne", "ge", "le"));
    /** The protection units. */
    private static final Resource UNITS = new Resource("$filter", Set.of("email", "displayName", "directoryObjectId"),
            Set.of("eq", "startswith"));
    /** The list of restore points. */
    private static final Resource RESTORE_POINTS = new Resource("$filter", Set.of("protectionDateTime"),
            Set.of("lt", "le", "gt", "ge"));
    /** The filter inside the restore points' {@code $expand=protectionUnit(...)}. */
    private static final Resource IN_EXPAND = new Resource("$expand=protectionUnit($filter)", Set.of("id"),
            Set.of("eq"));

    record Resource(String option, Set<String> filterable, Set<String> operators) {

        List<QueryOptions.Condition> parse(String expression) {
            return FilterParser.parse(option, expression, filterable, operators);
        }

        @Override
        public String toString() {
            return option + " on " + filterable.stream().sorted().toList();
        }
    }

    static Stream<Arguments> accepted() {
        return Stream.of(
                arguments(SESSIONS, "status eq 'draft'", conditions("status", "eq", "draft")),
                arguments(SESSIONS, "Status EQ 'draft'", conditions("status", "eq", "draft")),
                arguments(SESSIONS, "status eq draft", conditions("status", "eq", "draft")),
                arguments(SESSIONS, "status eq ''", conditions("status", "eq", "")),
                arguments(SESSIONS, "status eq 'it''s'", conditions("status", "eq", "it's")),
                arguments(SESSIONS, "status eq 'a and b'", conditions("status", "eq", "a and b")),
                arguments(SESSIONS, "status ne 'failed' and createdDateTime ge 2026-01-01T00:00:00Z",
                        conditions("status", "ne", "failed", "createdDateTime", "ge", "2026-01-01T00:00:00Z")),
                arguments(SESSIONS, "createdDateTime ge 2026-01-01T00:00:00Z AND createdDateTime le '2026-01-31'",
                        conditions("createdDateTime", "ge", "2026-01-01T00:00:00Z", "createdDateTime", "le",
                                "2026-01-31")),
                arguments(SESSIONS, "  status  eq  'draft'  ", conditions("status", "eq", "draft")),
                arguments(UNITS, "startswith(displayName,'Ad')", conditions("displayName", "startswith", "Ad")),
                arguments(UNITS, "startsWith( DisplayName , 'Ad' )",
                        conditions("displayName", "startswith", "Ad")),
                arguments(UNITS, "startswith(displayName,'A (b), c')",
                        conditions("displayName", "startswith", "A (b), c")),
                arguments(UNITS, "email eq 'adelev@contoso.com' and startswith(displayName,'Ad')",
                        conditions("email", "eq", "adelev@contoso.com", "displayName", "startswith", "Ad")),
                arguments(UNITS, "directoryObjectId eq 'c4e5f6a7'", conditions("directoryObjectId", "eq", "c4e5f6a7")),
                arguments(RESTORE_POINTS, "protectionDateTime lt 2026-01-31T12:00:00Z and protectionDateTime gt "
                                + "2026-01-01T00:00:00Z",
                        conditions("protectionDateTime", "lt", "2026-01-31T12:00:00Z", "protectionDateTime", "gt",
                                "2026-01-01T00:00:00Z")),
                arguments(IN_EXPAND, "id eq 'unit-a'", conditions("id", "eq", "unit-a")));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("accepted")
    void an_accepted_expression_parses_to_its_conditions(Resource resource, String expression,
                                                         List<QueryOptions.Condition> parsed) {
        assertThat(resource.parse(expression)).isEqualTo(parsed);
    }

    static Stream<Arguments> refused() {
        return Stream.of(
                arguments(SESSIONS, "createdBy eq 'megan'",
                        "The property 'createdBy' is not supported in '$filter' here; it takes createdDateTime, "
                                + "status."),
                arguments(SESSIONS, "status eq 'draft' and createdBy eq 'megan'",
                        "The property 'createdBy' is not supported in '$filter' here; it takes createdDateTime, "
                                + "status."),
                arguments(SESSIONS, "status gt 'draft'",
                        "The operator 'gt' is not supported in '$filter'; it takes eq, ne, ge and le, joined by and."),
                arguments(SESSIONS, "startswith(status,'d')",
                        "The function 'startswith' is not supported in '$filter'; it takes eq, ne, ge and le, "
                                + "joined by and."),
                arguments(SESSIONS, "status eq 'draft' or status eq 'active'",
                        "The '$filter' status eq 'draft' or status eq 'active' is not understood; it takes "
                                + "conditions such as status eq 'draft', joined by and."),
                arguments(SESSIONS, "status eq 'draft' and",
                        "The '$filter' status eq 'draft' and is not understood; it takes conditions such as "
                                + "status eq 'draft', joined by and."),
                arguments(SESSIONS, "status eq 'unterminated",
                        "The '$filter' status eq 'unterminated is not understood; it takes conditions such as "
                                + "status eq 'draft', joined by and."),
                arguments(SESSIONS, "",
                        "The '$filter'  is not understood; it takes conditions such as status eq 'draft', joined "
                                + "by and."),
                arguments(UNITS, "mailboxType eq 'user'",
                        "The property 'mailboxType' is not supported in '$filter' here; it takes directoryObjectId, "
                                + "displayName, email."),
                arguments(UNITS, "startswith(mailboxType,'u')",
                        "The property 'mailboxType' is not supported in '$filter' here; it takes directoryObjectId, "
                                + "displayName, email."),
                arguments(UNITS, "displayName ne 'Adele'",
                        "The operator 'ne' is not supported in '$filter'; it takes eq and startswith, joined by and."),
                arguments(UNITS, "displayName startswith 'Ad'",
                        "The operator 'startswith' is not supported in '$filter'; it takes eq and startswith, "
                                + "joined by and."),
                arguments(UNITS, "endswith(displayName,'le')",
                        "The function 'endswith' is not supported in '$filter'; it takes eq and startswith, joined "
                                + "by and."),
                arguments(UNITS, "email eq",
                        "The '$filter' email eq is not understood; it takes conditions such as directoryObjectId "
                                + "eq '...', joined by and."),
                arguments(RESTORE_POINTS, "protectionDateTime eq 2026-01-01T00:00:00Z",
                        "The operator 'eq' is not supported in '$filter'; it takes gt, ge, lt and le, joined by and."),
                arguments(RESTORE_POINTS, "protectionDateTime",
                        "The '$filter' protectionDateTime is not understood; it takes conditions such as "
                                + "protectionDateTime gt '...', joined by and."),
                arguments(IN_EXPAND, "id ne 'unit-a'",
                        "The operator 'ne' is not supported in '$expand=protectionUnit($filter)'; it takes eq, "
                                + "joined by and."),
                arguments(IN_EXPAND, "displayName eq 'Adele'",
                        "The property 'displayName' is not supported in '$expand=protectionUnit($filter)' here; it "
                                + "takes id."));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("refused")
    void a_refused_expression_is_a_bad_request_that_says_why(Resource resource, String expression, String message) {
        RequestRefused refusal = catchThrowableOfType(RequestRefused.class, () -> resource.parse(expression));

        assertThat(refusal.kind().status()).isEqualTo(400);
        assertThat(refusal.code()).isEqualTo("BadRequest");
        assertThat(refusal.getMessage()).isEqualTo(message);
    }

    /** Conditions written as property, comparison, value, property, comparison, value ... */
    private static List<QueryOptions.Condition> conditions(String... triples) {
        return Stream.iterate(0, i -> i < triples.length, i -> i + 3)
                .map(i -> Arrays.copyOfRange(triples, i, i + 3))
                .map(triple -> new QueryOptions.Condition(triple[0], triple[1], triple[2]))
                .toList();
    }
}
