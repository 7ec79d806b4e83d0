/** Who is calling: the tenant and identity every command and query is scoped to (docs/api.md, Tenants and identity). */
package com.m365backup.restore.domain.caller;
