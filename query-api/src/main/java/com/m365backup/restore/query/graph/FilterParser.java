package com.m365backup.restore.query.graph;

import com.m365backup.restore.domain.request.RequestRefused;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The grammar of {@code $filter}: conditions joined by {@code and}, each a comparison such as
 * {@code status eq 'draft'} or the function {@code startswith(displayName,'Ad')}, on the properties and with the
 * operators a resource takes. Anything else is a 400 that says what the filter takes.
 */
final class FilterParser {

    /** OData's comparison operators and the one string function this service knows, in the order messages list them. */
    static final List<String> OPERATORS = List.of("eq", "ne", "gt", "ge", "lt", "le", "startswith");
    private static final Set<String> FUNCTIONS = Set.of("startswith");
    private static final String JOINED = "\\s*(?:(?i:and)\\s+(?=\\S)|$)";
    // Possessive runs inside the quoted literal: a plain alternation repeated once per character recurses as deep
    // as the literal is long, and a literal of a few kilobytes overflows a thread's stack.
    private static final Pattern COMPARISON = Pattern.compile(
            "\\s*([A-Za-z@./]+)\\s+([A-Za-z]+)\\s+('(?:[^']++|'')*+'|[^\\s']+)" + JOINED);
    private static final Pattern FUNCTION = Pattern.compile(
            "\\s*([A-Za-z]+)\\(\\s*([A-Za-z@./]+)\\s*,\\s*('(?:[^']++|'')*+'|[^\\s')]+)\\s*\\)" + JOINED);

    private FilterParser() {
    }

    /**
     * The conditions of {@code value}, all of which a member must meet.
     *
     * @param option     the option as messages name it: {@code $filter}, or the filter inside an {@code $expand}
     * @param filterable the properties it may name, each answered as spelt here whatever case the client used
     * @param operators  the operators and functions it takes
     */
    static List<QueryOptions.Condition> parse(String option, String value, Set<String> filterable,
                                              Set<String> operators) {
        List<QueryOptions.Condition> conditions = new ArrayList<>();
        Matcher comparison = COMPARISON.matcher(value);
        Matcher function = FUNCTION.matcher(value);
        int end = 0;
        while (end < value.length()) {
            function.region(end, value.length());
            comparison.region(end, value.length());
            if (function.lookingAt()) {
                String name = function.group(1).toLowerCase(Locale.ROOT);
                if (!FUNCTIONS.contains(name) || !operators.contains(name)) {
                    throw RequestRefused.badRequest("The function '" + function.group(1) + "' is not supported in '"
                            + option + "'; it takes " + described(operators) + ", joined by and.");
                }
                conditions.add(new QueryOptions.Condition(QueryOptionsParser.property(option, function.group(2),
                        filterable), name, literal(function.group(3))));
                end = function.end();
            } else if (comparison.lookingAt()) {
                String property = QueryOptionsParser.property(option, comparison.group(1), filterable);
                String operator = comparison.group(2).toLowerCase(Locale.ROOT);
                if (FUNCTIONS.contains(operator) || !operators.contains(operator)) {
                    throw RequestRefused.badRequest("The operator '" + comparison.group(2) + "' is not supported in '"
                            + option + "'; it takes " + described(operators) + ", joined by and.");
                }
                conditions.add(new QueryOptions.Condition(property, operator, literal(comparison.group(3))));
                end = comparison.end();
            } else {
                break;
            }
        }
        if (conditions.isEmpty() || end != value.length()) {
            throw RequestRefused.badRequest("The '" + option + "' " + value + " is not understood; it takes conditions "
                    + "such as " + example(filterable, operators) + ", joined by and.");
        }
        return conditions;
    }

    private static String literal(String literal) {
        return literal.startsWith("'") ? literal.substring(1, literal.length() - 1).replace("''", "'") : literal;
    }

    /** The operators a filter takes, in OData's order, as a sentence lists them: "eq, ne, ge and le". */
    private static String described(Set<String> operators) {
        List<String> inOrder = OPERATORS.stream().filter(operators::contains).toList();
        if (inOrder.size() == 1) {
            return inOrder.get(0);
        }
        return String.join(", ", inOrder.subList(0, inOrder.size() - 1)) + " and " + inOrder.get(inOrder.size() - 1);
    }

    private static String example(Set<String> filterable, Set<String> operators) {
        if (filterable.contains("status")) {
            return "status eq 'draft'";
        }
        String property = filterable.stream().sorted().findFirst().orElse("id");
        String operator = OPERATORS.stream().filter(operators::contains).findFirst().orElse("eq");
        return FUNCTIONS.contains(operator) ? operator + "(" + property + ",'...')" : property + " " + operator + " '...'";
    }
}
