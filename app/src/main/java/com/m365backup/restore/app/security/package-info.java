/**
 * Who may call: bearer tokens checked by Spring Security's resource server, Graph's permissions by scope or app role,
 * the caller's tenant and identity taken from the token, and local tokens for trying the service without an
 * identity provider (docs/api.md, Tenants and identity; docs/security.md).
 */
package com.m365backup.restore.app.security;
