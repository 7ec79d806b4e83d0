/**
 * The restore point catalog: the mailboxes (protection units) each tenant may restore and their restore points,
 * imported from a JSON file at start-up, kept in PostgreSQL; listed and read so that a client that knows no id finds
 * them, and searched (docs/api.md, Resources: restorePoint, restorePoints/search, and Finding what can be restored).
 */
package com.m365backup.restore.query.restorepoint;
