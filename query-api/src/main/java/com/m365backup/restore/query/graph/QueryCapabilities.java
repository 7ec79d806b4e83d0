package com.m365backup.restore.query.graph;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
public record QueryCapabilities(Set<String> filterable, Set<String> orderable, Set<String> selectable,
                                List<String> expandable, Set<String> operators,
                                Map<String, Set<String>> filterableInExpand, int maxTop, boolean skipTokens) {

    /** What the session collections have always taken, the default of a resource that names none. */
    private static final Set<String> DEFAULT_OPERATORS = Set.of("eq", "ne", "ge", "le");

    public QueryCapabilities {
        filterable = Set.copyOf(filterable);
        orderable = Set.copyOf(orderable);
        selectable = Set.copyOf(selectable);
        expandable = List.copyOf(expandable);
        operators = Set.copyOf(operators);
        filterableInExpand = Map.copyOf(filterableInExpand);
    }

    /** The session collections' options: eq, ne, ge and le; pages of up to 1,000 linked by skip tokens. */
    public QueryCapabilities(Set<String> filterable, Set<String> orderable, Set<String> selectable,
                             List<String> expandable) {
        this(filterable, orderable, selectable, expandable, DEFAULT_OPERATORS, Map.of(), QueryOptions.MAX_PAGE_SIZE,
                true);
    }

    /** A resource that only expands these navigations. */
    static QueryCapabilities expanding(String... expandable) {
        return new QueryCapabilities(Set.of(), Set.of(), Set.of(), List.of(expandable));
    }

    /** The same, with a {@code $filter} that takes these operators and functions instead. */
    public QueryCapabilities withOperators(String... taken) {
        for (String operator : taken) {
            if (!FilterParser.OPERATORS.contains(operator)) {
                throw new IllegalArgumentException("Not an operator this parser knows: " + operator);
            }
        }
        return new QueryCapabilities(filterable, orderable, selectable, expandable, Set.of(taken),
                filterableInExpand, maxTop, skipTokens);
    }

    /** The same, where {@code $expand} of {@code navigation} may carry a {@code $filter} on these properties. */
    public QueryCapabilities withFilterInExpand(String navigation, String... properties) {
        Map<String, Set<String>> inExpand = new HashMap<>(filterableInExpand);
        inExpand.put(navigation, Set.of(properties));
        return new QueryCapabilities(filterable, orderable, selectable, expandable, operators, inExpand, maxTop,
                skipTokens);
    }

    /** The same, for a resource that answers at most {@code limit} members and never a next page. */
    public QueryCapabilities atMost(int limit) {
        return new QueryCapabilities(filterable, orderable, selectable, expandable, operators, filterableInExpand,
                limit, false);
    }

    /** What the {@code /$count} of the collection takes: its {@code $filter} only. */
    QueryCapabilities ofCount() {
        return new QueryCapabilities(filterable, Set.of(), Set.of(), List.of(), operators, Map.of(), maxTop, false);
    }

    /** What one of its members takes: {@code $select} and {@code $expand}; never a filter, an order or a page. */
    QueryCapabilities ofEntity() {
        return new QueryCapabilities(Set.of(), Set.of(), selectable, expandable, operators, filterableInExpand,
                maxTop, false);
    }
}
