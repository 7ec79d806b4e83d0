package com.m365backup.restore.query.graph;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.List;

/**
 * One page of a Graph collection: {@code @odata.context}, {@code @odata.count} when asked for with
 * {@code $count=true}, {@code @odata.nextLink} while more remain, and the {@code value}s.
 */
@JsonPropertyOrder({"@odata.context", "@odata.count", "@odata.nextLink", "value"})
public record GraphCollection<T>(
        @JsonProperty("@odata.context") String context,
        @JsonProperty("@odata.count") @JsonInclude(JsonInclude.Include.NON_NULL) Long count,
        @JsonProperty("@odata.nextLink") @JsonInclude(JsonInclude.Include.NON_NULL) String nextLink,
        List<T> value) {

    /**
     * The page that {@code options} asked for, out of {@code total} members; {@code page} holds its members.
     *
     * @param resource the collection as {@code @odata.context} names it after {@code $metadata#}
     */
    public static <T> GraphCollection<T> page(RequestAddress address, String resource, List<T> page, long total,
                                              QueryOptions options) {
        long next = (long) options.skip() + page.size();
        // An empty page ($top=0, the idiom for "just the count") would link to itself for ever.
        String nextLink = !page.isEmpty() && next < total
                ? NextLinks.pageAt(address, options, (int) next)
                : null;
        return new GraphCollection<>(address.context(resource), options.count() ? Long.valueOf(total) : null,
                nextLink, List.copyOf(page));
    }

    /**
     * A page that the read side cut after an ordered position: {@code next} is the last member of this page when
     * another page follows, else null.
     */
    public static <T> GraphCollection<T> pageBefore(RequestAddress address, String resource, List<T> page, long total,
                                                    QueryOptions options, QueryOptions.After next) {
        String nextLink = !page.isEmpty() && next != null
                ? NextLinks.pageAfter(address, options, next)
                : null;
        return new GraphCollection<>(address.context(resource), options.count() ? Long.valueOf(total) : null,
                nextLink, List.copyOf(page));
    }
}
