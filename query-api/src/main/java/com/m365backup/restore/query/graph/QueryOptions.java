package com.m365backup.restore.query.graph;

import jakarta.servlet.http.HttpServletRequest;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a GET asked for with OData's system query options, once {@link QueryOptionsParser} has checked them against
 * what the resource supports ({@link QueryCapabilities}). The options as given ({@code asGiven}) are kept for the
 * next page's link ({@link NextLinks}), which repeats them.
 *
 * @param requestedTop  {@code $top}, or null when the client left the page size to the service
 * @param skip          how many members come before this page, when the page is counted from the start
 * @param startAfter    the member after which this page starts, when the previous page said so; else null
 * @param expand        the navigations of {@code $expand}, as the resource spells them
 * @param expandFilters per navigation, the conditions of the {@code $filter} inside its {@code $expand}
 * @param filter        the conditions of {@code $filter}, all of which a member must meet
 * @param order         the order of {@code $orderby}, or null
 * @param select        the properties of {@code $select}; none when every property is shown
 * @param asGiven       {@code $filter}, {@code $orderby}, {@code $select} and {@code $expand} as the client wrote
 *                      them (trimmed), by their lower-case names
 */
public record QueryOptions(Integer requestedTop, int skip, After startAfter, boolean count, List<String> expand,
                           Map<String, List<Condition>> expandFilters, List<Condition> filter, Order order,
                           List<String> select, Map<String, String> asGiven) {

    public static final int DEFAULT_PAGE_SIZE = 100;
    public static final int MAX_PAGE_SIZE = 1000;

    public QueryOptions {
        expand = List.copyOf(expand);
        expandFilters = Map.copyOf(expandFilters);
        filter = List.copyOf(filter);
        select = List.copyOf(select);
        asGiven = Map.copyOf(asGiven);
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
        return ofCollection(request, QueryCapabilities.expanding(expandable));
    }

    /** A collection with what {@code capabilities} adds to paging and counting. */
    public static QueryOptions ofCollection(HttpServletRequest request, QueryCapabilities capabilities) {
        return QueryOptionsParser.collection(request.getParameterMap(), capabilities);
    }

    /** The {@code /$count} of a collection: the number of its members that meet {@code $filter}, if given. */
    public static QueryOptions ofCount(HttpServletRequest request, QueryCapabilities capabilities) {
        return QueryOptionsParser.other(request.getParameterMap(), capabilities.ofCount());
    }

    /** A single entity: {@code $expand} of these navigations, if any. */
    public static QueryOptions ofEntity(HttpServletRequest request, String... expandable) {
        return ofEntity(request, QueryCapabilities.expanding(expandable));
    }

    /** A single entity: {@code $select} and {@code $expand} as {@code capabilities} allow; never a filter or order. */
    public static QueryOptions ofEntity(HttpServletRequest request, QueryCapabilities capabilities) {
        return QueryOptionsParser.other(request.getParameterMap(), capabilities.ofEntity());
    }

    /** A raw value such as {@code /$count}, which takes no option at all. */
    public static void requireNone(HttpServletRequest request) {
        QueryOptionsParser.other(request.getParameterMap(), QueryCapabilities.expanding());
    }

    /** The page size: {@code $top}, or the default page. */
    public int top() {
        return requestedTop == null ? DEFAULT_PAGE_SIZE : requestedTop;
    }

    /** The member after which this page starts, when the previous page said so. */
    public Optional<After> after() {
        return Optional.ofNullable(startAfter);
    }

    public boolean expands(String navigation) {
        return expand.contains(navigation);
    }

    /** The conditions of the {@code $filter} inside {@code $expand=navigation(...)}; none when it has none. */
    public List<Condition> filterInExpand(String navigation) {
        return expandFilters.getOrDefault(navigation, List.of());
    }

    /** The order of {@code $orderby}, if one was asked for. */
    public Optional<Order> orderBy() {
        return Optional.ofNullable(order);
    }

    /**
     * The entity as {@code $select} asks: its annotations, its id, the selected properties and what was expanded;
     * the entity itself when nothing was selected, so that an answer without {@code $select} is written as it is.
     */
    public Object selected(Object entity) {
        return select.isEmpty() ? entity : new SelectedProperties(entity, select, expand);
    }
}
