package com.m365backup.restore.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stand-in for {@code jq} where it is not installed, so that {@link ReadmeWalkthroughTest} needs only a JDK, bash
 * and curl. It knows exactly the forms the README's walk-through uses: {@code jq} or {@code jq .} (the document,
 * indented as jq indents it), and {@code jq -r .path} where the path is names and array indexes
 * ({@code .mailboxRestoreArtifacts[0].id}); a string is printed raw with {@code -r}, a missing value as {@code null}.
 */
public final class Jq {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STEP = Pattern.compile("\\.([A-Za-z_@][A-Za-z0-9_@]*)|\\[(\\d+)]");

    private Jq() {
    }

    public static void main(String[] args) throws IOException {
        boolean raw = false;
        String filter = ".";
        for (String arg : args) {
            if (arg.equals("-r")) {
                raw = true;
            } else if (arg.startsWith("-")) {
                fail("the stand-in takes -r only, not " + arg);
            } else {
                filter = arg;
            }
        }
        JsonNode value = select(JSON.readTree(System.in), filter);
        System.out.println(raw && value.isTextual() ? value.asText() : indented(value, ""));
    }

    static JsonNode select(JsonNode document, String filter) {
        if (filter.equals(".")) {
            return document;
        }
        JsonNode value = document;
        Matcher step = STEP.matcher(filter);
        int end = 0;
        while (step.find() && step.start() == end) {
            value = step.group(1) != null ? value.path(step.group(1)) : value.path(Integer.parseInt(step.group(2)));
            end = step.end();
        }
        if (end != filter.length()) {
            fail("the stand-in knows paths such as .a[0].b, not " + filter);
        }
        return value.isMissingNode() ? JSON.nullNode() : value;
    }

    /** jq's own layout: two spaces a level, one member or element a line, {@code "name": value}. */
    static String indented(JsonNode value, String indent) throws IOException {
        if (value.isObject() && !value.isEmpty()) {
            List<String> members = new ArrayList<>();
            for (Map.Entry<String, JsonNode> field : value.properties()) {
                members.add(indent + "  " + JSON.writeValueAsString(field.getKey()) + ": "
                        + indented(field.getValue(), indent + "  "));
            }
            return "{\n" + String.join(",\n", members) + "\n" + indent + "}";
        }
        if (value.isArray() && !value.isEmpty()) {
            List<String> elements = new ArrayList<>();
            for (JsonNode element : value) {
                elements.add(indent + "  " + indented(element, indent + "  "));
            }
            return "[\n" + String.join(",\n", elements) + "\n" + indent + "]";
        }
        return JSON.writeValueAsString(value);
    }

    private static void fail(String message) {
        System.err.println("jq: " + message);
        System.exit(2);
    }
}
