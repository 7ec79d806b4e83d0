/**
 * The GET endpoints of restore sessions and their mailbox restore artifacts, at the root and under {@code /beta} and
 * {@code /v1.0} (docs/api.md, Paths): they turn requests into queries and answers into Graph's JSON.
 */
package com.m365backup.restore.query.session;
