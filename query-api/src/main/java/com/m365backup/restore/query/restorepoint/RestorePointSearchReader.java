package com.m365backup.restore.query.restorepoint;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.m365backup.restore.domain.query.SearchRestorePoints;
import com.m365backup.restore.domain.request.RequestRefused;
import com.m365backup.restore.query.graph.DateTimeOffsets;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the body of {@code restorePoints/search} strictly, as Graph's types say, and refuses anything else with 400
 * {@code InvalidSearchRequest}: strict JSON (no comments, no duplicate key, nothing after the value), each property
 * of its own type (a protection unit id is a string, never the number {@code 1} turned into {@code "1"}; a time is a
 * string, never the number {@code 1e308}), enum members exactly as Graph spells them, and no property Graph's
 * action does not take. Jackson's binding would coerce all of these, and let the last of two equal keys win.
 */
@Component
class RestorePointSearchReader {

    static final String INVALID_SEARCH = "InvalidSearchRequest";
    /** Protection unit ids are opaque strings of the catalog; none is longer, and a longer one finds nothing. */
    static final int MAX_ID_LENGTH = 256;

    private static final String UNITS = "protectionUnitIds";
    private static final String PERIOD = "protectionTimePeriod";
    private static final String START = "startDateTime";
    private static final String END = "endDateTime";
    private static final String PREFERENCE = "restorePointPreference";
    private static final String TAGS = "tags";
    private static final String ARTIFACT_QUERY = "artifactQuery";
    private static final String ODATA_TYPE = "@odata.type";
    private static final Set<String> PROPERTIES = Set.of(UNITS, PERIOD, PREFERENCE, TAGS, ARTIFACT_QUERY, ODATA_TYPE);
    private static final Set<String> PERIOD_PROPERTIES = Set.of(START, END, ODATA_TYPE);
    private static final Map<String, SearchRestorePoints.Preference> PREFERENCES = Map.of(
            "latest", SearchRestorePoints.Preference.LATEST,
            "oldest", SearchRestorePoints.Preference.OLDEST);
    private static final Set<String> TAG_NAMES = Set.of("none", "fastRestore");
    /** Printable text: control characters (NUL among them, which PostgreSQL cannot even store) are no id. */
    private static final Pattern PRINTABLE = Pattern.compile("[^\\p{Cntrl}]+");

    private final ObjectReader strict;

    RestorePointSearchReader(ObjectMapper json) {
        // As the write side's StrictJson reads its bodies, whatever spring.jackson.* allows elsewhere.
        this.strict = json.reader()
                .with(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .withoutFeatures(JsonReadFeature.ALLOW_JAVA_COMMENTS, JsonReadFeature.ALLOW_YAML_COMMENTS,
                        JsonReadFeature.ALLOW_SINGLE_QUOTES, JsonReadFeature.ALLOW_UNQUOTED_FIELD_NAMES,
                        JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_MISSING_VALUES);
    }

    RestorePointSearchRequest read(byte[] body) {
        JsonNode search = tree(body);
        if (!search.isObject()) {
            throw invalid("The request body must be a JSON object with protectionUnitIds and protectionTimePeriod.");
        }
        onlyKnown(search, PROPERTIES, "");
        JsonNode artifactQuery = search.get(ARTIFACT_QUERY);
        List<String> units = protectionUnitIds(search.get(UNITS));
        JsonNode period = search.get(PERIOD);
        if (period == null || !period.isObject()) {
            throw invalid(PERIOD + " must be an object with a " + START + " and an " + END + ".");
        }
        onlyKnown(period, PERIOD_PROPERTIES, PERIOD + ".");
        Instant from = time(period.get(START), PERIOD + "." + START);
        Instant to = time(period.get(END), PERIOD + "." + END);
        if (from.isAfter(to)) {
            throw invalid(PERIOD + " must not end before it starts.");
        }
        return new RestorePointSearchRequest(units, from, to, member(search.get(PREFERENCE), PREFERENCE, PREFERENCES),
                tag(search.get(TAGS)), artifactQuery == null || artifactQuery.isNull() ? null : artifactQuery);
    }

    private JsonNode tree(byte[] body) {
        if (body == null || body.length == 0) {
            throw invalid("The request body is missing; it must be a JSON object with protectionUnitIds and "
                    + "protectionTimePeriod.");
        }
        try {
            JsonNode tree = strict.readTree(body);
            if (tree == null || tree.isMissingNode()) {
                throw invalid("The request body is empty.");
            }
            return tree;
        } catch (IOException notStrictJson) {
            // Jackson's message names classes and positions: the caller gets a sentence of its own.
            throw invalid("The request body is not valid JSON (comments, a key given twice, or text after the "
                    + "object are not accepted).");
        }
    }

    private static List<String> protectionUnitIds(JsonNode ids) {
        if (ids == null || !ids.isArray() || ids.isEmpty()) {
            throw invalid(UNITS + " must be an array naming at least one protection unit.");
        }
        Set<String> units = new LinkedHashSet<>();
        for (int index = 0; index < ids.size(); index++) {
            JsonNode id = ids.get(index);
            String where = UNITS + "[" + index + "]";
            if (!id.isTextual()) {
                throw invalid(where + " must be a string, a protection unit's id.");
            }
            String value = id.asText();
            if (value.isBlank() || value.length() > MAX_ID_LENGTH || !PRINTABLE.matcher(value).matches()) {
                throw invalid(where + " must be a protection unit's id: printable text of at most " + MAX_ID_LENGTH
                        + " characters.");
            }
            units.add(value);
        }
        return new ArrayList<>(units);
    }

    private static Instant time(JsonNode value, String where) {
        if (value == null || !value.isTextual()) {
            throw invalid(where + " must be a string: " + DateTimeOffsets.EXAMPLE + ".");
        }
        return DateTimeOffsets.parse(value.asText())
                .orElseThrow(() -> invalid(where + " must be " + DateTimeOffsets.EXAMPLE + "."));
    }

    /** An optional enum member, spelled exactly as Graph spells it (Graph's enums are case-sensitive). */
    private static <T> T member(JsonNode value, String where, Map<String, T> members) {
        if (value == null || value.isNull()) {
            return null;
        }
        T member = value.isTextual() ? members.get(value.asText()) : null;
        if (member == null) {
            throw invalid(where + " must be one of " + String.join(", ", members.keySet().stream().sorted().toList())
                    + ", as written here.");
        }
        return member;
    }

    private static String tag(JsonNode value) {
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isTextual() || !TAG_NAMES.contains(value.asText())) {
            throw invalid(TAGS + " must be none or fastRestore, as written here.");
        }
        return value.asText();
    }

    private static void onlyKnown(JsonNode object, Set<String> known, String where) {
        for (Iterator<String> names = object.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!known.contains(name)) {
                throw invalid("The property '" + where + shortened(name) + "' is not a parameter of the search.");
            }
        }
    }

    private static String shortened(String name) {
        return name.length() > 64 ? name.substring(0, 64) + "…" : name;
    }

    static RequestRefused invalid(String message) {
        return RequestRefused.invalid(INVALID_SEARCH, message);
    }
}
