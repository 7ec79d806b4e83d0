/**
 * The read model of restore sessions: the projection that turns their events into tables, and the query handlers
 * that answer from those tables (docs/design.md, The read path).
 */
package com.m365backup.restore.query.readmodel;
