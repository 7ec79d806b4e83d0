/**
 * Graph's HTTP conventions for reads, shared by every GET endpoint: the OData query options a resource supports, the
 * collection shape with its paging links, and errors that carry a Graph code (docs/api.md, Errors, headers, paging).
 */
package com.m365backup.restore.query.graph;
