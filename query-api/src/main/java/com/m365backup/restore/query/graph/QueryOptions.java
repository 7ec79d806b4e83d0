package com.m365backup.restore.query.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

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
    private static final String FILTER = "$filter";
    private static final String ORDER_BY = "$orderby";
    private static final String SELECT = "$select";

    /** The system query options OData defines; a known one is refused as unsupported here, any other as unknown. */
    private static final Set<String> ODATA_OPTIONS = Set.of("$search", "$skip", "$format", "$apply", "$compute",
            "$levels", "$index", "$schemaversion", "$deltatoken", "$id",
            TOP, SKIP_TOKEN, COUNT, EXPAND, FILTER, ORDER_BY, SELECT);
    private static final Set<String> COMPARISONS = Set.of("eq", "ne", "ge", "le");
    // Possessive runs inside the quoted literal: a plain alternation repeated once per character recurses as deep
    // as the literal is long, and a literal of a few kilobytes overflows a thread's stack.
    private static final Pattern CONDITION = Pattern.compile(
            "\\G\\s*([A-Za-z@.]+)\\s+([A-Za-z]+)\\s+('(?:[^']++|'')*+'|[^\\s']+)\\s*(?:(?i:and)\\s+(?=\\S)|$)");
    private static final Pattern ORDER = Pattern.compile("\\s*([A-Za-z]+)(?:\\s+([A-Za-z]+))?\\s*");

    private final Integer top;
    private final SkipToken skipToken;
    private final boolean count;
    private final List<String> expand;
    private final Map<String, String> raw;
    private final List<Condition> filter;
    private final Order orderBy;
    private final List<String> select;

    private QueryOptions(Integer top, SkipToken skipToken, boolean count, List<String> expand,
                         Map<String, String> raw, List<Condition> filter, Order orderBy, List<String> select) {
        this.top = top;
        this.skipToken = skipToken;
        this.count = count;
        this.expand = List.copyOf(expand);
        this.raw = Map.copyOf(raw);
        this.filter = List.copyOf(filter);
        this.orderBy = orderBy;
        this.select = List.copyOf(select);
    }

    /**
     * What a resource supports besides {@code $top}, {@code $skiptoken} and {@code $count}: the properties it can be
     * filtered, ordered and selected by, and the navigations it can expand. An empty set leaves that option out.
     */
    public record Capabilities(Set<String> filterable, Set<String> orderable, Set<String> selectable,
                               List<String> expandable) {

        public Capabilities {
            filterable = Set.copyOf(filterable);
            orderable = Set.copyOf(orderable);
            selectable = Set.copyOf(selectable);
            expandable = List.copyOf(expandable);
        }
    }

    /** One condition of {@code $filter}: a property, {@code eq}/{@code ne}/{@code ge}/{@code le}, and its value. */
    public record Condition(String property, String comparison, String value) {
    }

    /** {@code $orderby} on one property. */
    public record Order(String property, boolean descending) {
    }

    /** The last member of the page before: its ordering value and its id. */
    public record After(Instant value, String id) {
    }

    /** A collection: {@code $top}, {@code $skiptoken}, {@code $count} and {@code $expand} of these navigations. */
    public static QueryOptions ofCollection(HttpServletRequest request, String... expandable) {
        return ofCollection(request, new Capabilities(Set.of(), Set.of(), Set.of(), List.of(expandable)));
    }

    /** A collection with what {@code capabilities} adds to paging and counting. */
    public static QueryOptions ofCollection(HttpServletRequest request, Capabilities capabilities) {
        Set<String> supported = new HashSet<>(Set.of(TOP, SKIP_TOKEN, COUNT));
        supported.addAll(optionsOf(capabilities));
        return parse(request.getParameterMap(), supported, capabilities);
    }

    /** A single entity: {@code $expand} of these navigations, if any. */
    public static QueryOptions ofEntity(HttpServletRequest request, String... expandable) {
        return ofEntity(request, new Capabilities(Set.of(), Set.of(), Set.of(), List.of(expandable)));
    }

    /** A single entity: {@code $select} and {@code $expand} as {@code capabilities} allow; never a filter or order. */
    public static QueryOptions ofEntity(HttpServletRequest request, Capabilities capabilities) {
        Capabilities entity = new Capabilities(Set.of(), Set.of(), capabilities.selectable(),
                capabilities.expandable());
        return parse(request.getParameterMap(), optionsOf(entity), entity);
    }

    /** A raw value such as {@code /$count}, which takes no option at all. */
    public static void requireNone(HttpServletRequest request) {
        parse(request.getParameterMap(), Set.of(), new Capabilities(Set.of(), Set.of(), Set.of(), List.of()));
    }

    /** The page size: {@code $top}, or the default page. */
    public int top() {
        return top == null ? DEFAULT_PAGE_SIZE : top;
    }

    /** How many members come before this page, when the page is counted from the start. */
    public int skip() {
        return skipToken == null ? 0 : skipToken.skip();
    }

    /** The member after which this page starts, when the previous page said so. */
    public Optional<After> after() {
        return skipToken == null ? Optional.empty() : Optional.ofNullable(skipToken.after());
    }

    /** Whether the client asked for {@code @odata.count}. */
    public boolean count() {
        return count;
    }

    public boolean expands(String navigation) {
        return expand.contains(navigation);
    }

    /** The conditions of {@code $filter}, all of which a member must meet. */
    public List<Condition> filter() {
        return filter;
    }

    /** The order of {@code $orderby}, if one was asked for. */
    public Optional<Order> orderBy() {
        return Optional.ofNullable(orderBy);
    }

    /**
     * The entity as {@code $select} asks: its annotations, its id, the selected properties and what was expanded;
     * the entity unchanged when nothing was selected.
     */
    public Object selected(Object entity, ObjectMapper json) {
        if (select.isEmpty()) {
            return entity;
        }
        JsonNode all = json.valueToTree(entity);
        ObjectNode shown = json.createObjectNode();
        for (Iterator<Map.Entry<String, JsonNode>> fields = all.fields(); fields.hasNext(); ) {
            Map.Entry<String, JsonNode> field = fields.next();
            String name = field.getKey();
            if (name.startsWith("@odata.") || name.equals("id") || select.contains(name) || expand.contains(name)) {
                shown.set(name, field.getValue());
            }
        }
        return shown;
    }

    /** The query of the link to the page that starts after {@code skip} members, with the same other options. */
    String queryForPageAt(int skip) {
        return queryFor(new SkipToken(skip, null));
    }

    /** The query of the link to the page that starts after {@code after}, with the same other options. */
    String queryForPageAfter(After after) {
        return queryFor(new SkipToken(0, after));
    }

    private String queryFor(SkipToken next) {
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
        for (String option : List.of(FILTER, ORDER_BY, SELECT)) {
            if (raw.containsKey(option)) {
                query.add(option + "=" + URLEncoder.encode(raw.get(option), StandardCharsets.UTF_8)
                        .replace("+", "%20"));
            }
        }
        query.add(SKIP_TOKEN + "=" + next.value());
        return String.join("&", query);
    }

    private static Set<String> optionsOf(Capabilities capabilities) {
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
                                      Capabilities capabilities) {
        Integer top = null;
        SkipToken skipToken = null;
        boolean count = false;
        List<String> expand = List.of();
        List<Condition> filter = List.of();
        Order orderBy = null;
        List<String> select = List.of();
        java.util.HashMap<String, String> raw = new java.util.HashMap<>();
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
                case SKIP_TOKEN -> skipToken = SkipToken.parse(value);
                case COUNT -> count = bool(value);
                case EXPAND -> expand = names(EXPAND, value, capabilities.expandable());
                case FILTER -> filter = conditions(value, capabilities.filterable());
                case ORDER_BY -> orderBy = order(value, capabilities.orderable());
                case SELECT -> select = names(SELECT, value, List.copyOf(capabilities.selectable()));
                default -> throw new IllegalStateException("Supported but not read: " + option);
            }
            if (option.equals(FILTER) || option.equals(ORDER_BY) || option.equals(SELECT)) {
                raw.put(option, value);
            }
        }
        return new QueryOptions(top, skipToken, count, expand, raw, filter, orderBy, select);
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

    private static List<String> names(String option, String value, List<String> allowed) {
        List<String> names = new ArrayList<>();
        for (String item : value.split(",", -1)) {
            String asked = item.trim();
            String name = allowed.stream().filter(asked::equalsIgnoreCase).findFirst()
                    .orElseThrow(() -> GraphErrors.badRequest("'" + asked + "' cannot be used in '" + option
                            + "' here; " + option + " takes " + String.join(", ", allowed.stream().sorted().toList())
                            + "."));
            if (!names.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    private static List<Condition> conditions(String value, Set<String> filterable) {
        List<Condition> conditions = new ArrayList<>();
        Matcher matcher = CONDITION.matcher(value);
        int end = 0;
        while (end < value.length() && matcher.find() && matcher.start() == end) {
            String property = property(FILTER, matcher.group(1), filterable);
            String comparison = matcher.group(2).toLowerCase(Locale.ROOT);
            if (!COMPARISONS.contains(comparison)) {
                throw GraphErrors.badRequest("The operator '" + matcher.group(2) + "' is not supported in '$filter'; "
                        + "it takes eq, ne, ge and le, joined by and.");
            }
            String literal = matcher.group(3);
            String operand = literal.startsWith("'")
                    ? literal.substring(1, literal.length() - 1).replace("''", "'")
                    : literal;
            conditions.add(new Condition(property, comparison, operand));
            end = matcher.end();
        }
        if (conditions.isEmpty() || end != value.length()) {
            throw GraphErrors.badRequest("The '$filter' " + value + " is not understood; it takes conditions such as "
                    + "status eq 'draft', joined by and.");
        }
        return conditions;
    }

    private static Order order(String value, Set<String> orderable) {
        Matcher matcher = ORDER.matcher(value);
        if (!matcher.matches()) {
            throw GraphErrors.badRequest("The '$orderby' " + value + " is not supported; it takes one property, "
                    + "then asc or desc.");
        }
        String property = property(ORDER_BY, matcher.group(1), orderable);
        String direction = matcher.group(2) == null ? "asc" : matcher.group(2).toLowerCase(Locale.ROOT);
        if (!direction.equals("asc") && !direction.equals("desc")) {
            throw GraphErrors.badRequest("'$orderby' takes asc or desc after the property; it was '"
                    + matcher.group(2) + "'.");
        }
        return new Order(property, direction.equals("desc"));
    }

    private static String property(String option, String asked, Set<String> allowed) {
        return allowed.stream().filter(asked::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> GraphErrors.badRequest("The property '" + asked + "' is not supported in '"
                        + option + "' here; it takes " + String.join(", ", allowed.stream().sorted().toList()) + "."));
    }
}
