package com.m365backup.restore.query.graph;

import jakarta.servlet.http.HttpServletRequest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The OData system query options of a GET, checked against what the resource supports. An option it does not
 * support is refused with 400 naming it, never ignored: a client that asked for a filter must not take an unfiltered
 * answer for a filtered one (spec/api.md, Errors, headers, paging). Names are compared without regard to case, as
 * OData 4.01 asks; options without a {@code $} are custom options and are left alone.
 */
public final class QueryOptions {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    private static final String TOP = "$top";
    private static final String SKIP_TOKEN = "$skiptoken";
    private static final String COUNT = "$count";
    private static final String EXPAND = "$expand";

    /** The system query options OData defines; a known one is refused as unsupported here, any other as unknown. */
    private static final Set<String> ODATA_OPTIONS = Set.of("$filter", "$orderby", "$select", "$search", "$skip",
            "$format", "$apply", "$compute", "$levels", "$index", "$schemaversion", "$deltatoken", "$id",
            TOP, SKIP_TOKEN, COUNT, EXPAND);

    private final Integer top;
    private final int skip;
    private final boolean count;
    private final List<String> expand;

    private QueryOptions(Integer top, int skip, boolean count, List<String> expand) {
        this.top = top;
        this.skip = skip;
        this.count = count;
        this.expand = List.copyOf(expand);
    }

    /** A collection: {@code $top}, {@code $skiptoken}, {@code $count} and {@code $expand} of these navigations. */
    public static QueryOptions ofCollection(HttpServletRequest request, String... expandable) {
        Set<String> supported = new HashSet<>(Set.of(TOP, SKIP_TOKEN, COUNT));
        if (expandable.length > 0) {
            supported.add(EXPAND);
        }
        return parse(request.getParameterMap(), supported, List.of(expandable));
    }

    /** A single entity: {@code $expand} of these navigations, if any. */
    public static QueryOptions ofEntity(HttpServletRequest request, String... expandable) {
        return parse(request.getParameterMap(), expandable.length > 0 ? Set.of(EXPAND) : Set.of(),
                List.of(expandable));
    }

    /** A raw value such as {@code /$count}, which takes no option at all. */
    public static void requireNone(HttpServletRequest request) {
        parse(request.getParameterMap(), Set.of(), List.of());
    }

    /** The page size: {@code $top}, or the default page. */
    public int top() {
        return top == null ? DEFAULT_PAGE_SIZE : top;
    }

    /** How many members come before this page. */
    public int skip() {
        return skip;
    }

    /** Whether the client asked for {@code @odata.count}. */
    public boolean count() {
        return count;
    }

    public boolean expands(String navigation) {
        return expand.contains(navigation);
    }

    /** The query of the link to the page that starts after {@code skip} members, with the same other options. */
    String queryForPageAt(int skip) {
        List<String> query = new ArrayList<>();
        if (top != null) {
            query.add(TOP + "=" + top);
        }
        if (count) {
            query.add(COUNT + "=true");
        }
        if (!expand.isEmpty()) {
            query.add(EXPAND + "=" + String.join(",", expand));
        }
        query.add(SKIP_TOKEN + "=" + new SkipToken(skip).value());
        return String.join("&", query);
    }

    private static QueryOptions parse(Map<String, String[]> parameters, Set<String> supported,
                                      List<String> expandable) {
        Integer top = null;
        int skip = 0;
        boolean count = false;
        List<String> expand = List.of();
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            String name = parameter.getKey();
            if (!name.startsWith("$")) {
                continue;
            }
            String option = name.toLowerCase(Locale.ROOT);
            if (!supported.contains(option)) {
                throw GraphErrors.badRequest(ODATA_OPTIONS.contains(option)
                        ? "The query option '" + name + "' is not supported on this resource."
                        : "'" + name + "' is not a query option this service knows.");
            }
            if (!seen.add(option) || parameter.getValue().length != 1) {
                throw GraphErrors.badRequest("The query option '" + name + "' may be given only once.");
            }
            String value = parameter.getValue()[0].trim();
            switch (option) {
                case TOP -> top = pageSize(value);
                case SKIP_TOKEN -> skip = SkipToken.parse(value).skip();
                case COUNT -> count = bool(value);
                case EXPAND -> expand = navigations(value, expandable);
                default -> throw new IllegalStateException("Supported but not read: " + option);
            }
        }
        return new QueryOptions(top, skip, count, expand);
    }

    private static int pageSize(String value) {
        if (value.matches("\\d{1,4}")) {
            int top = Integer.parseInt(value);
            if (top <= MAX_PAGE_SIZE) {
                return top;
            }
        }
        throw GraphErrors.badRequest("$top must be a whole number from 0 to " + MAX_PAGE_SIZE + "; it was '"
                + value + "'.");
    }

    private static boolean bool(String value) {
        if (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false")) {
            return Boolean.parseBoolean(value);
        }
        throw GraphErrors.badRequest("$count must be true or false; it was '" + value + "'.");
    }

    private static List<String> navigations(String value, List<String> expandable) {
        List<String> expand = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String asked = item.trim();
            String navigation = expandable.stream().filter(asked::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> GraphErrors.badRequest("'" + asked + "' cannot be expanded here; "
                            + "$expand takes " + String.join(", ", expandable) + "."));
            if (!expand.contains(navigation)) {
                expand.add(navigation);
            }
        }
        return expand;
    }
}
