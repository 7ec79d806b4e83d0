/**
 * The restore point catalog: the restore points each tenant may restore from, imported from a JSON file at start-up,
 * kept in PostgreSQL, read by id and searched (spec/api.md, Resources: restorePoint, and restorePoints/search).
 */
package com.m365backup.restore.query.restorepoint;
