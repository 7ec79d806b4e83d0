package com.m365backup.restore.app;

import com.m365backup.restore.app.security.localtokens.LocalTokenRequest;
import com.m365backup.restore.app.security.localtokens.LocalTokens;
import com.m365backup.restore.app.security.policy.Permission;
import com.nimbusds.jwt.JWTClaimsSet;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

/**
 * Tokens for the application under test, signed by the local key it trusts in tests (the file
 * {@link IntegrationTest} names), shaped as Entra ID's: users with scopes, applications with app roles.
 */
public final class TestTokens {

    public static final Path KEY_FILE = Path.of("target", "test-signing-key.json");
    public static final String ISSUER = "urn:exchange-restore-sessions:local-issuer";
    public static final String AUDIENCE = "https://graph.microsoft.com";
    /** The tenant of the demo catalog most tests work in: {@code restore.default-tenant-id}. */
    public static final String TENANT = "00000000-0000-0000-0000-000000000001";
    /** A second tenant of the demo catalog. */
    public static final String OTHER_TENANT = "00000000-0000-0000-0000-000000000002";
    public static final String AUDIT_ROLE = "BackupRestore-Audit.Read";
    /** The app role that rebuilds the read model, in a token of the operating tenant ({@link #TENANT} by default). */
    public static final String OPERATOR_ROLE = "BackupRestore-Operator";
    public static final String USER_ID = "5d7a3f44-0b6e-4a3c-9d3f-6f0c4b0e2a10";
    public static final String USER_NAME = "Megan Bowen";

    private static final LocalTokens TOKENS = LocalTokens.fromKeyFile(KEY_FILE, ISSUER, AUDIENCE, Clock.systemUTC());

    private TestTokens() {
    }

    public static LocalTokens local() {
        return TOKENS;
    }

    /** A user of {@link #TENANT} who may do everything: read, write, search and audit. */
    public static String administrator() {
        return user(TENANT, List.of(Permission.READ_WRITE, Permission.SEARCH), List.of(AUDIT_ROLE));
    }

    /** The service's own operations: an application of the operating tenant with the operator role. */
    public static String operator() {
        return application(TENANT, "0f9e8d7c-6b5a-4c3d-9e2f-1a0b9c8d7e6f", "Operations", List.of(OPERATOR_ROLE));
    }

    /**
     * The claims of a good delegated token of {@link #USER_NAME} in {@link #TENANT}, valid for an hour, without
     * {@code scp} or {@code roles}: a starting point for tokens a test shapes itself.
     */
    public static JWTClaimsSet.Builder delegatedClaims() {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(USER_ID)
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofHours(1))))
                .claim("tid", TENANT)
                .claim("oid", USER_ID)
                .claim("name", USER_NAME);
    }

    public static String user(String tenant, List<String> scopes, List<String> roles) {
        return TOKENS.issue(LocalTokenRequest.forUser(tenant, USER_ID, USER_NAME, scopes, roles));
    }

    public static String application(String tenant, String appId, String appName, List<String> roles) {
        return TOKENS.issue(LocalTokenRequest.forApplication(tenant, appId, appName, roles));
    }
}
