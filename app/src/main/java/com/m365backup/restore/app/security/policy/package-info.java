/**
 * What a token must carry to be accepted: the audiences, the clock skew, the audit role and the names of Graph's
 * permissions (docs/security.md). The resource server ({@code security}) checks tokens against it and the local
 * issuer ({@code localtokens}) issues tokens that meet it; neither of the two depends on the other for it.
 */
package com.m365backup.restore.app.security.policy;
