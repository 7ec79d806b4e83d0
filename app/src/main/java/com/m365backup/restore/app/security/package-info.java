/**
 * Who may call: bearer tokens checked by Spring Security's resource server, Graph's permissions by scope or app role,
 * the caller's tenant and identity taken from the token, and Graph's answers to a missing token or permission
 * (docs/api.md, Tenants and identity; docs/security.md). The tokens of the local issuer ({@code localtokens}) are
 * accepted when no issuer is configured.
 */
package com.m365backup.restore.app.security;
