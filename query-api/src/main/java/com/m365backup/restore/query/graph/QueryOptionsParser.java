package com.m365backup.restore.query.graph;

import com.m365backup.restore.domain.request.RequestRefused;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the system query options of a request into {@link QueryOptions}, checked against what the resource supports.
 * An option it does not support is refused with 400 naming it, never ignored: a client that asked for a filter must
 * not take an unfiltered answer for a filtered one (docs/api.md, Errors, headers, paging). Names are compared without
 * regard to case, as OData 4.01 asks; options without a {@code $} are custom options and are left alone.
 */
final class QueryOptionsParser {

    static final String TOP = "$top";
    static final String SKIP_TOKEN = "$skiptoken";
    static final String COUNT = "$count";
    static final String EXPAND = "$expand";
    static final String FILTER = "$filter";
    static final String ORDER_BY = "$orderby";
    static final String SELECT = "$select";

    /** The system query options OData defines; a known one is refused as unsupported here, any other as unknown. */
    private static final Set<String> ODATA_OPTIONS = Set.of("$search", "$skip", "$format", "$apply", "$compute",
            "$levels", "$index", "$schemaversion", "$deltatoken", "$id",
            TOP, SKIP_TOKEN, COUNT, EXPAND, FILTER, ORDER_BY, SELECT);
    /** One navigation of {@code $expand}, with its own options in parentheses, e.g. {@code protectionUnit($filter=...)}. */
    private static final Pattern EXPANSION = Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);
    private static final Pattern ORDER = Pattern.compile("\\s*([A-Za-z]+)(?:\\s+([A-Za-z]+))?\\s*");

    private QueryOptionsParser() {
    }

    /** A collection's options: paging and counting, and what {@code capabilities} adds. */
    static QueryOptions collection(Map<String, String[]> parameters, QueryCapabilities capabilities) {
        Set<String> supported = new HashSet<>(Set.of(TOP, COUNT));
        if (capabilities.skipTokens()) {
            supported.add(SKIP_TOKEN);
        }
        supported.addAll(optionsOf(capabilities));
        return parse(parameters, supported, capabilities);
    }

    /** The options of anything that takes no paging: the options {@code capabilities} names, and no others. */
    static QueryOptions other(Map<String, String[]> parameters, QueryCapabilities capabilities) {
        return parse(parameters, optionsOf(capabilities), capabilities);
    }

    private static Set<String> optionsOf(QueryCapabilities capabilities) {
        Set<String> options = new HashSet<>();
        if (!capabilities.filterable().isEmpty()) {
            options.add(FILTER);
        }
        if (!capabilities.orderable().isEmpty()) {
            options.add(ORDER_BY);
        }
        if (!capabilities.selectable().isEmpty()) {
            options.add(SELECT);
        }
        if (!capabilities.expandable().isEmpty()) {
            options.add(EXPAND);
        }
        return options;
    }

    private static QueryOptions parse(Map<String, String[]> parameters, Set<String> supported,
                                      QueryCapabilities capabilities) {
        Integer top = null;
        SkipToken skipToken = new SkipToken(0, null);
        boolean count = false;
        List<String> expand = List.of();
        Map<String, List<QueryOptions.Condition>> expandFilters = new LinkedHashMap<>();
        List<QueryOptions.Condition> filter = List.of();
        QueryOptions.Order orderBy = null;
        List<String> select = List.of();
        Map<String, String> asGiven = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!name.startsWith("$")) {
                continue;
            }
            String option = name.toLowerCase(Locale.ROOT);
            if (!supported.contains(option)) {
                throw RequestRefused.badRequest(ODATA_OPTIONS.contains(option)
                        ? "The query option '" + name + "' is not supported on this resource."
                        : "'" + name + "' is not a query option this service knows.");
            }
            if (!seen.add(option) || parameter.getValue().length != 1) {
                throw RequestRefused.badRequest("The query option '" + name + "' may be given only once.");
            }
            String value = parameter.getValue()[0].trim();
            switch (option) {
                case TOP -> top = pageSize(value, capabilities.maxTop());
                case SKIP_TOKEN -> skipToken = SkipToken.parse(value);
                case COUNT -> count = bool(value);
                case EXPAND -> expand = expansions(value, capabilities, expandFilters);
                case FILTER -> filter = FilterParser.parse(FILTER, value, capabilities.filterable(),
                        capabilities.operators());
                case ORDER_BY -> orderBy = order(value, capabilities.orderable());
                case SELECT -> select = names(SELECT, value, List.copyOf(capabilities.selectable()));
                default -> throw new IllegalStateException("Supported but not read: " + option);
            }
            if (option.equals(FILTER) || option.equals(ORDER_BY) || option.equals(SELECT) || option.equals(EXPAND)) {
                asGiven.put(option, value);
            }
        }
        return new QueryOptions(top, skipToken.skip(), skipToken.after(), count, expand, expandFilters, filter,
                orderBy, select, asGiven);
    }

    private static int pageSize(String value, int max) {
        if (value.matches("\\d{1,4}")) {
            int top = Integer.parseInt(value);
            if (top <= max) {
                return top;
            }
        }
        throw RequestRefused.badRequest("$top must be a whole number from 0 to " + max + "; it was '" + value + "'.");
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw RequestRefused.badRequest("$count must be true or false; it was '" + value + "'.");
    }

    private static List<String> names(String option, String value, List<String> allowed) {
        List<String> names = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String asked = item.trim();
            String name = allowed.stream().filter(asked::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> RequestRefused.badRequest("'" + asked + "' cannot be used in '" + option
                            + "' here; " + option + " takes " + String.join(", ", allowed.stream().sorted().toList())
                            + "."));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /**
     * The navigations of {@code $expand}, each optionally with a {@code $filter} of its own in parentheses, as Graph's
     * {@code $expand=protectionUnit($filter=id eq '...')}; those filters are left in {@code filters}.
     */
    private static List<String> expansions(String value, QueryCapabilities capabilities,
                                           Map<String, List<QueryOptions.Condition>> filters) {
        List<String> names = new ArrayList<>();
        for (String item : outsideParentheses(value, ',')) {
            Matcher matcher = EXPANSION.matcher(item);
            if (!matcher.matches()) {
                throw RequestRefused.badRequest("'" + item.trim() + "' cannot be used in '$expand' here; $expand takes "
                        + String.join(", ", capabilities.expandable().stream().sorted().toList()) + ".");
            }
            String name = names(EXPAND, matcher.group(1), capabilities.expandable()).get(0);
            if (!names.contains(name)) {
                names.add(name);
            }
            if (matcher.group(2) != null) {
                filters.put(name, nestedFilter(name, matcher.group(2), capabilities));
            }
        }
        return names;
    }

    private static List<QueryOptions.Condition> nestedFilter(String navigation, String options,
                                                             QueryCapabilities capabilities) {
        Set<String> filterable = capabilities.filterableInExpand().getOrDefault(navigation, Set.of());
        List<QueryOptions.Condition> conditions = new ArrayList<>();
        for (String option : outsideParentheses(options, ';')) {
            String[] nameAndValue = option.split("=", 2);
            String name = nameAndValue[0].trim();
            if (filterable.isEmpty() || !name.equalsIgnoreCase(FILTER) || nameAndValue.length < 2
                    || !conditions.isEmpty()) {
                throw RequestRefused.badRequest("The option '" + name + "' is not supported inside '$expand="
                        + navigation + "(...)'" + (filterable.isEmpty() ? "." : "; it takes one $filter on "
                        + String.join(", ", filterable.stream().sorted().toList()) + "."));
            }
            conditions.addAll(FilterParser.parse("$expand=" + navigation + "($filter)", nameAndValue[1].trim(),
                    filterable, Set.of("eq")));
        }
        return conditions;
    }

    /** {@code value} split at each {@code separator} that is neither inside parentheses nor inside a quoted string. */
    private static List<String> outsideParentheses(String value, char separator) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\'') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == separator) {
                parts.add(value.substring(start, i));
                start = i + 1;
            }
        }
        parts.add(value.substring(start));
        return parts;
    }

    private static QueryOptions.Order order(String value, Set<String> orderable) {
        Matcher matcher = ORDER.matcher(value);
        if (!matcher.matches()) {
            throw RequestRefused.badRequest("The '$orderby' " + value + " is not supported; it takes one property, "
                    + "then asc or desc.");
        }
        String property = property(ORDER_BY, matcher.group(1), orderable);
        String direction = matcher.group(2) == null ? "asc" : matcher.group(2).toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw RequestRefused.badRequest("'$orderby' takes asc or desc after the property; it was '"
                    + matcher.group(2) + "'.");
        }
        return new QueryOptions.Order(property, direction.equals("desc"));
    }

    /** The property as the resource spells it, whatever case the client used; a 400 when it has no such one. */
    static String property(String option, String asked, Set<String> allowed) {
        return allowed.stream().filter(asked::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> RequestRefused.badRequest("The property '" + asked + "' is not supported in '"
                        + option + "' here; it takes " + String.join(", ", allowed.stream().sorted().toList()) + "."));
    }
}
