/**
 * The local token issuer: a signing key of the data folder, the tokens it signs (shaped as Entra ID's) and the
 * {@code token} command that prints one, so that the service can be tried without an identity provider
 * (docs/security.md). The resource server ({@code security}) accepts them only while no issuer is configured.
 */
package com.m365backup.restore.app.security.localtokens;
