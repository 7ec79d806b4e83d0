/**
 * The service's OData metadata: one model of the entity types, complex types, enums, navigations, actions and the
 * {@code solutions} singleton this service serves, contributed by parts, and its CSDL XML document at
 * {@code /$metadata} that every {@code @odata.context} resolves against (docs/api.md, Finding what can be restored).
 */
package com.m365backup.restore.query.metadata;
