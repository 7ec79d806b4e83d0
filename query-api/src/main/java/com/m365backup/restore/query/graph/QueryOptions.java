package com.m365backup.restore.query.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.domain.request.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
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
 * answer for a filtered one (docs/api.md, Errors, headers, paging). Names are compared without regard to case, as
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
    /** OData's comparison operators and the one string function this service knows, in the order messages list them. */
    private static final List<String> OPERATORS = List.of("eq", "ne", "gt", "ge", "lt", "le", "startswith");
    private static final Set<String> FUNCTIONS = Set.of("startswith");
    /** What the session collections have always taken, the default of a resource that names none. */
    private static final Set<String> DEFAULT_OPERATORS = Set.of("eq", "ne", "ge", "le");
    private static final String JOINED = "\\s*(?:(?i:and)\\s+(?=\\S)|$)";
    // Possessive runs inside the quoted literal: a plain alternation repeated once per character recurses as deep
    // as the literal is long, and a literal of a few kilobytes overflows a thread's stack.
    private static final Pattern CONDITION = Pattern.compile(
            "\\s*([A-Za-z@./]+)\\s+([A-Za-z]+)\\s+('(?:[^']++|'')*+'|[^\\s']+)" + JOINED);
    /** A function call such as {@code startswith(displayName,'Ad')}. */
    private static final Pattern FUNCTION = Pattern.compile(
            "\\s*([A-Za-z]+)\\(\\s*([A-Za-z@./]+)\\s*,\\s*('(?:[^']++|'')*+'|[^\\s')]+)\\s*\\)" + JOINED);
    /** One navigation of {@code $expand}, with its own options in parentheses, e.g. {@code protectionUnit($filter=...)}. */
    private static final Pattern EXPANSION = Pattern.compile("\\s*([A-Za-z]+)\\s*(?:\\((.*)\\))?\\s*", Pattern.DOTALL);
    private static final Pattern ORDER = Pattern.compile("\\s*([A-Za-z]+)(?:\\s+([A-Za-z]+))?\\s*");

    private final Integer top;
    private final SkipToken skipToken;
    private final boolean count;
    private final List<String> expand;
    private final Map<String, List<Condition>> expandFilters;
    private final Map<String, String> raw;
    private final List<Condition> filter;
    private final Order orderBy;
    private final List<String> select;

    private QueryOptions(Integer top, SkipToken skipToken, boolean count, List<String> expand,
                         Map<String, List<Condition>> expandFilters, Map<String, String> raw, List<Condition> filter,
                         Order orderBy, List<String> select) {
        this.top = top;
        this.skipToken = skipToken;
        this.count = count;
        this.expand = List.copyOf(expand);
        this.expandFilters = Map.copyOf(expandFilters);
        this.raw = Map.copyOf(raw);
        this.filter = List.copyOf(filter);
        this.orderBy = orderBy;
        this.select = List.copyOf(select);
    }

    /**
     * What a resource supports besides {@code $top}, {@code $skiptoken} and {@code $count}: the properties it can be
     * filtered, ordered and selected by, and the navigations it can expand. An empty set leaves that option out.
     *
     * @param operators          the operators and functions its {@code $filter} takes (each property may take fewer;
     *                           that the resource checks)
     * @param filterableInExpand per navigation, the properties a {@code $filter} inside its {@code $expand} may name
     * @param maxTop             the largest page a client may ask for
     * @param skipTokens         whether the resource pages on with {@code $skiptoken}
     */
    public record Capabilities(Set<String> filterable, Set<String> orderable, Set<String> selectable,
                               List<String> expandable, Set<String> operators,
                               Map<String, Set<String>> filterableInExpand, int maxTop, boolean skipTokens) {

        public Capabilities {
            filterable = Set.copyOf(filterable);
            orderable = Set.copyOf(orderable);
            selectable = Set.copyOf(selectable);
            expandable = List.copyOf(expandable);
            operators = Set.copyOf(operators);
            filterableInExpand = Map.copyOf(filterableInExpand);
        }

        /** The session collections' options: eq, ne, ge and le; pages of up to 1,000 linked by skip tokens. */
        public Capabilities(Set<String> filterable, Set<String> orderable, Set<String> selectable,
                            List<String> expandable) {
            this(filterable, orderable, selectable, expandable, DEFAULT_OPERATORS, Map.of(), MAX_PAGE_SIZE, true);
        }

        /** The same, with a {@code $filter} that takes these operators and functions instead. */
        public Capabilities withOperators(String... taken) {
            for (String operator : taken) {
                if (!OPERATORS.contains(operator)) {
                    throw new IllegalArgumentException("Not an operator this parser knows: " + operator);
                }
            }
            return new Capabilities(filterable, orderable, selectable, expandable, Set.of(taken), filterableInExpand,
                    maxTop, skipTokens);
        }

        /** The same, where {@code $expand} of {@code navigation} may carry a {@code $filter} on these properties. */
        public Capabilities withFilterInExpand(String navigation, String... properties) {
            Map<String, Set<String>> inExpand = new HashMap<>(filterableInExpand);
            inExpand.put(navigation, Set.of(properties));
            return new Capabilities(filterable, orderable, selectable, expandable, operators, inExpand, maxTop,
                    skipTokens);
        }

        /** The same, for a resource that answers at most {@code limit} members and never a next page. */
        public Capabilities atMost(int limit) {
            return new Capabilities(filterable, orderable, selectable, expandable, operators, filterableInExpand,
                    limit, false);
        }
    }

    /**
     * One condition of {@code $filter}: a property, a comparison ({@code eq}, {@code ne}, {@code gt}, {@code ge},
     * {@code lt}, {@code le}) or the function {@code startswith}, and its value.
     */
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
        Set<String> supported = new HashSet<>(Set.of(TOP, COUNT));
        if (capabilities.skipTokens()) {
            supported.add(SKIP_TOKEN);
        }
        supported.addAll(optionsOf(capabilities));
        return parse(request.getParameterMap(), supported, capabilities);
    }

    /** The {@code /$count} of a collection: the number of its members that meet {@code $filter}, if given. */
    public static QueryOptions ofCount(HttpServletRequest request, Capabilities capabilities) {
        Capabilities counted = new Capabilities(capabilities.filterable(), Set.of(), Set.of(), List.of(),
                capabilities.operators(), Map.of(), capabilities.maxTop(), false);
        return parse(request.getParameterMap(), optionsOf(counted), counted);
    }

    /** A single entity: {@code $expand} of these navigations, if any. */
    public static QueryOptions ofEntity(HttpServletRequest request, String... expandable) {
        return ofEntity(request, new Capabilities(Set.of(), Set.of(), Set.of(), List.of(expandable)));
    }

    /** A single entity: {@code $select} and {@code $expand} as {@code capabilities} allow; never a filter or order. */
    public static QueryOptions ofEntity(HttpServletRequest request, Capabilities capabilities) {
        Capabilities entity = new Capabilities(Set.of(), Set.of(), capabilities.selectable(),
                capabilities.expandable(), capabilities.operators(), capabilities.filterableInExpand(),
                capabilities.maxTop(), false);
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

    /** The conditions of the {@code $filter} inside {@code $expand=navigation(...)}; none when it has none. */
    public List<Condition> filterInExpand(String navigation) {
        return expandFilters.getOrDefault(navigation, List.of());
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
        if (!expandFilters.isEmpty()) {
            query.add(EXPAND + "=" + encoded(raw.get(EXPAND)));
        } else if (!expand.isEmpty()) {
            query.add(EXPAND + "=" + String.join(",", expand));
        }
        for (String option : List.of(FILTER, ORDER_BY, SELECT)) {
            if (raw.containsKey(option)) {
                query.add(option + "=" + encoded(raw.get(option)));
            }
        }
        query.add(SKIP_TOKEN + "=" + next.value());
        return String.join("&", query);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
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
        Map<String, List<Condition>> expandFilters = new LinkedHashMap<>();
        List<Condition> filter = List.of();
        Order orderBy = null;
        List<String> select = List.of();
        Map<String, String> raw = new HashMap<>();
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
                case FILTER -> filter = conditions(FILTER, value, capabilities.filterable(), capabilities.operators());
                case ORDER_BY -> orderBy = order(value, capabilities.orderable());
                case SELECT -> select = names(SELECT, value, List.copyOf(capabilities.selectable()));
                default -> throw new IllegalStateException("Supported but not read: " + option);
            }
            if (option.equals(FILTER) || option.equals(ORDER_BY) || option.equals(SELECT) || option.equals(EXPAND)) {
                raw.put(option, value);
            }
        }
        return new QueryOptions(top, skipToken, count, expand, expandFilters, raw, filter, orderBy, select);
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
    private static List<String> expansions(String value, Capabilities capabilities,
                                           Map<String, List<Condition>> filters) {
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

    private static List<Condition> nestedFilter(String navigation, String options, Capabilities capabilities) {
        Set<String> filterable = capabilities.filterableInExpand().getOrDefault(navigation, Set.of());
        List<Condition> conditions = new ArrayList<>();
        for (String option : outsideParentheses(options, ';')) {
            String[] nameAndValue = option.split("=", 2);
            String name = nameAndValue[0].trim();
            if (filterable.isEmpty() || !name.equalsIgnoreCase(FILTER) || nameAndValue.length < 2
                    || !conditions.isEmpty()) {
                throw RequestRefused.badRequest("The option '" + name + "' is not supported inside '$expand="
                        + navigation + "(...)'" + (filterable.isEmpty() ? "." : "; it takes one $filter on "
                        + String.join(", ", filterable.stream().sorted().toList()) + "."));
            }
            conditions.addAll(conditions("$expand=" + navigation + "($filter)", nameAndValue[1].trim(), filterable,
                    Set.of("eq")));
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

    private static List<Condition> conditions(String option, String value, Set<String> filterable,
                                              Set<String> operators) {
        List<Condition> conditions = new ArrayList<>();
        Matcher comparison = CONDITION.matcher(value);
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
                conditions.add(new Condition(property(option, function.group(2), filterable), name,
                        literal(function.group(3))));
                end = function.end();
            } else if (comparison.lookingAt()) {
                String property = property(option, comparison.group(1), filterable);
                String operator = comparison.group(2).toLowerCase(Locale.ROOT);
                if (FUNCTIONS.contains(operator) || !operators.contains(operator)) {
                    throw RequestRefused.badRequest("The operator '" + comparison.group(2) + "' is not supported in '"
                            + option + "'; it takes " + described(operators) + ", joined by and.");
                }
                conditions.add(new Condition(property, operator, literal(comparison.group(3))));
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

    private static Order order(String value, Set<String> orderable) {
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
        return new Order(property, direction.equals("desc"));
    }

    private static String property(String option, String asked, Set<String> allowed) {
        return allowed.stream().filter(asked::equalsIgnoreCase).findFirst()
                .orElseThrow(() -> RequestRefused.badRequest("The property '" + asked + "' is not supported in '"
                        + option + "' here; it takes " + String.join(", ", allowed.stream().sorted().toList()) + "."));
    }
}
