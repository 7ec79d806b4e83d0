/**
 * Graph's HTTP conventions for reads, shared by every GET endpoint (docs/api.md, Errors, headers, paging): what a
 * resource supports ({@code QueryCapabilities}), what a request asked with the OData query options
 * ({@code QueryOptions}, read by {@code QueryOptionsParser}, its {@code $filter} by {@code FilterParser}), an entity as
 * {@code $select} shows it ({@code SelectedProperties}), the collection shape with its paging links
 * ({@code GraphCollection}, {@code NextLinks}), and errors that carry a Graph code.
 */
package com.m365backup.restore.query.graph;
