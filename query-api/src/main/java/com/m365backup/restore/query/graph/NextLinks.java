package com.m365backup.restore.query.graph;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code @odata.nextLink} of a page: the resource's URL with the options of the request that asked for this page
 * and the {@code $skiptoken} of the next one, so that following it asks the same question of the next members.
 */
final class NextLinks {

    private NextLinks() {
    }

    /** The link to the page that starts after {@code skip} members. */
    static String pageAt(RequestAddress address, QueryOptions options, int skip) {
        return address.resourceUrl() + "?" + query(options, new SkipToken(skip, null));
    }

    /** The link to the page that starts after the member {@code after}. */
    static String pageAfter(RequestAddress address, QueryOptions options, QueryOptions.After after) {
        return address.resourceUrl() + "?" + query(options, new SkipToken(0, after));
    }

    private static String query(QueryOptions options, SkipToken next) {
        List<String> query = new ArrayList<>();
        if (options.requestedTop() != null) {
            query.add(QueryOptionsParser.TOP + "=" + options.requestedTop());
        }
        if (options.count()) {
            query.add(QueryOptionsParser.COUNT + "=true");
        }
        // A filter inside $expand can only be repeated as written; plain navigations as the resource spells them.
        if (!options.expandFilters().isEmpty()) {
            query.add(QueryOptionsParser.EXPAND + "=" + encoded(options.asGiven().get(QueryOptionsParser.EXPAND)));
        } else if (!options.expand().isEmpty()) {
            query.add(QueryOptionsParser.EXPAND + "=" + String.join(",", options.expand()));
        }
        for (String option : List.of(QueryOptionsParser.FILTER, QueryOptionsParser.ORDER_BY,
                QueryOptionsParser.SELECT)) {
            if (options.asGiven().containsKey(option)) {
                query.add(option + "=" + encoded(options.asGiven().get(option)));
            }
        }
        query.add(QueryOptionsParser.SKIP_TOKEN + "=" + next.value());
        return String.join("&", query);
    }

    private static String encoded(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
