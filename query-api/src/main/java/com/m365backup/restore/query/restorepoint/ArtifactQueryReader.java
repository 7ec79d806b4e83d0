package com.m365backup.restore.query.restorepoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.MessageCondition;
import com.m365backup.restore.domain.session.MessageProperty;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a search's {@code artifactQuery} (docs/api.md, Granular restore) into the domain's {@link ArtifactQuery}:
 * {@code artifactType} {@code message}, and exactly one of {@code queryExpression}, a KQL subset of terms joined by
 * {@code AND} ({@code subject:}, {@code from:}, {@code to:}, {@code hasAttachment:true|false},
 * {@code received>=<date>}, {@code received<=<date>}; a value with spaces in double quotes), and
 * {@code structuredQueryExpression} ({@code subjects}, {@code senders}, {@code recipients}: any of each;
 * {@code hasAttachment}; {@code receivedDateTime} {@code startDateTime}/{@code endDateTime}). Anything else is a 400
 * {@code InvalidSearchRequest} that says what this service understands.
 */
final class ArtifactQueryReader {

    private static final String INVALID_SEARCH = "InvalidSearchRequest";
    private static final String TERMS = "subject:, from:, to:, hasAttachment:true|false, received>=<date> and"
            + " received<=<date>, joined by AND";
    private static final Pattern TERM = Pattern.compile(
            "(?i)(?:(subject|from|to|hasattachment):|received(>=|<=))(?:\"([^\"]*)\"|([^\\s\"]+))");
    private static final Pattern AND = Pattern.compile("\\s+(?i:AND)\\s+");
    private static final Set<String> QUERY_PROPERTIES = Set.of("@odata.type", "artifactType", "queryExpression",
            "structuredQueryExpression");
    private static final Set<String> STRUCTURED_PROPERTIES = Set.of("@odata.type", "subjects", "senders",
            "recipients", "hasAttachment", "receivedDateTime", "items");

    private ArtifactQueryReader() {
    }

    static ArtifactQuery read(JsonNode artifactQuery) {
        if (!artifactQuery.isObject()) {
            throw invalid("artifactQuery must be an object with an artifactType and a queryExpression or a"
                    + " structuredQueryExpression.");
        }
        requireOnly(artifactQuery, QUERY_PROPERTIES, "artifactQuery");
        JsonNode type = artifactQuery.get("artifactType");
        if (type != null && !type.isNull() && !(type.isTextual() && type.asText().equals("message"))) {
            throw invalid("artifactQuery.artifactType must be 'message': messages are what this service searches.");
        }
        JsonNode kql = present(artifactQuery.get("queryExpression"));
        JsonNode structured = present(artifactQuery.get("structuredQueryExpression"));
        if ((kql == null) == (structured == null)) {
            throw invalid("artifactQuery takes exactly one of queryExpression and structuredQueryExpression.");
        }
        if (kql != null) {
            if (!kql.isTextual()) {
                throw invalid("artifactQuery.queryExpression must be a string of " + TERMS + ".");
            }
            return kql(kql.asText());
        }
        return structured(structured);
    }

    /** KQL: terms joined by AND, each one condition. */
    static ArtifactQuery kql(String expression) {
        String text = expression.strip();
        if (text.isEmpty()) {
            throw invalid("artifactQuery.queryExpression is empty; give " + TERMS + ".");
        }
        List<MessageCondition> conditions = new ArrayList<>();
        Matcher term = TERM.matcher(text);
        Matcher and = AND.matcher(text);
        int at = 0;
        while (true) {
            term.region(at, text.length());
            if (!term.lookingAt()) {
                throw invalid("artifactQuery.queryExpression is not understood from '" + text.substring(at)
                        + "'; this service takes " + TERMS + ".");
            }
            conditions.add(condition(term));
            at = term.end();
            if (at == text.length()) {
                break;
            }
            and.region(at, text.length());
            if (!and.lookingAt() || and.end() == text.length()) {
                throw invalid("artifactQuery.queryExpression is not understood from '" + text.substring(at)
                        + "'; terms are joined by AND, and this service takes " + TERMS + ".");
            }
            at = and.end();
        }
        return new ArtifactQuery(expression, conditions);
    }

    private static MessageCondition condition(Matcher term) {
        String value = term.group(3) != null ? term.group(3) : term.group(4);
        if (value.isBlank()) {
            throw invalid("A term of artifactQuery.queryExpression has no value: '" + term.group() + "'.");
        }
        if (term.group(2) != null) {
            boolean from = term.group(2).equals(">=");
            return MessageCondition.of(
                    from ? MessageProperty.RECEIVED_ON_OR_AFTER : MessageProperty.RECEIVED_ON_OR_BEFORE,
                    time(value, from, "received" + term.group(2)).toString());
        }
        return switch (term.group(1).toLowerCase(Locale.ROOT)) {
            case "subject" -> MessageCondition.of(MessageProperty.SUBJECT, value);
            case "from" -> MessageCondition.of(MessageProperty.SENDER, value);
            case "to" -> MessageCondition.of(MessageProperty.RECIPIENT, value);
            default -> MessageCondition.of(MessageProperty.HAS_ATTACHMENT, bool(value));
        };
    }

    private static ArtifactQuery structured(JsonNode expression) {
        if (!expression.isObject()) {
            throw invalid("artifactQuery.structuredQueryExpression must be an object.");
        }
        requireOnly(expression, STRUCTURED_PROPERTIES, "structuredQueryExpression");
        if (present(expression.get("items")) != null) {
            throw invalid("structuredQueryExpression.items is not supported: this service searches messages only.");
        }
        List<MessageCondition> conditions = new ArrayList<>();
        strings(expression, "subjects").ifPresent(values -> conditions.add(
                new MessageCondition(MessageProperty.SUBJECT, values)));
        strings(expression, "senders").ifPresent(values -> conditions.add(
                new MessageCondition(MessageProperty.SENDER, values)));
        strings(expression, "recipients").ifPresent(values -> conditions.add(
                new MessageCondition(MessageProperty.RECIPIENT, values)));
        JsonNode attachment = present(expression.get("hasAttachment"));
        if (attachment != null) {
            if (!attachment.isBoolean()) {
                throw invalid("structuredQueryExpression.hasAttachment must be true or false.");
            }
            conditions.add(MessageCondition.of(MessageProperty.HAS_ATTACHMENT, attachment.asText()));
        }
        JsonNode received = present(expression.get("receivedDateTime"));
        if (received != null) {
            if (!received.isObject()) {
                throw invalid("structuredQueryExpression.receivedDateTime must be a timePeriod with a startDateTime"
                        + " and/or an endDateTime.");
            }
            requireOnly(received, Set.of("@odata.type", "startDateTime", "endDateTime"), "receivedDateTime");
            Instant start = instant(received, "startDateTime");
            Instant end = instant(received, "endDateTime");
            if (start != null && end != null && start.isAfter(end)) {
                throw invalid("structuredQueryExpression.receivedDateTime must not end before it starts.");
            }
            if (start != null) {
                conditions.add(MessageCondition.of(MessageProperty.RECEIVED_ON_OR_AFTER, start.toString()));
            }
            if (end != null) {
                conditions.add(MessageCondition.of(MessageProperty.RECEIVED_ON_OR_BEFORE, end.toString()));
            }
        }
        if (conditions.isEmpty()) {
            throw invalid("structuredQueryExpression names no condition; give subjects, senders, recipients,"
                    + " hasAttachment or receivedDateTime.");
        }
        return new ArtifactQuery(null, conditions);
    }

    private static Optional<List<String>> strings(JsonNode expression, String name) {
        JsonNode values = present(expression.get(name));
        if (values == null) {
            return Optional.empty();
        }
        if (!values.isArray()) {
            throw invalid("structuredQueryExpression." + name + " must be a list of strings.");
        }
        List<String> read = new ArrayList<>();
        for (JsonNode value : values) {
            if (!value.isTextual() || value.asText().isBlank()) {
                throw invalid("structuredQueryExpression." + name + " must be a list of strings that are not empty.");
            }
            read.add(value.asText());
        }
        return read.isEmpty() ? Optional.empty() : Optional.of(read);
    }

    /** A date means the whole day (UTC): from its first instant, or up to its last. */
    private static Instant time(String value, boolean from, String where) {
        try {
            if (value.length() == 10) {
                LocalDate day = LocalDate.parse(value);
                return from ? day.atStartOfDay(ZoneOffset.UTC).toInstant()
                        : day.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minusNanos(1000);
            }
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException notATime) {
            throw invalid(where + " takes a date such as 2026-03-01 or a time such as 2026-03-01T12:00:00Z; '"
                    + value + "' is neither.");
        }
    }

    private static Instant instant(JsonNode period, String name) {
        JsonNode value = present(period.get(name));
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.asText()).toInstant();
        } catch (DateTimeParseException notATime) {
            throw invalid("receivedDateTime." + name + " must be a time such as 2026-03-01T12:00:00Z.");
        }
    }

    private static String bool(String value) {
        if (!value.equalsIgnoreCase("true") && !value.equalsIgnoreCase("false")) {
            throw invalid("hasAttachment: takes true or false; '" + value + "' is neither.");
        }
        return value.toLowerCase(Locale.ROOT);
    }

    private static void requireOnly(JsonNode object, Set<String> known, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid(where + " has no property '" + name + "'.");
            }
        }
    }

    private static JsonNode present(JsonNode value) {
        return value == null || value.isNull() ? null : value;
    }

    static RequestRefused invalid(String message) {
        return RequestRefused.invalid(INVALID_SEARCH, message);
    }
}
