/**
 * The audit: a session's history read from the event store, and the rebuild of the read model from it
 * (docs/api.md, Audit).
 */
package com.m365backup.restore.query.audit;
