/**
 * The GET endpoints of a session's bulk addition requests (docs/api.md, Bulk addition requests), at the root and
 * under {@code /beta} and {@code /v1.0}: the list, one request with its mailboxes, and the count.
 */
package com.m365backup.restore.query.bulk;
