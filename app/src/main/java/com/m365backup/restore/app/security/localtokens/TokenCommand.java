package com.m365backup.restore.app.security.localtokens;

import com.m365backup.restore.app.security.policy.Permission;
import com.m365backup.restore.app.security.policy.SecuritySettings;
import com.m365backup.restore.app.service.ServiceLocation;
import com.m365backup.restore.app.service.ServiceSettings;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * {@code java -jar app/target/app-0.1.0-SNAPSHOT.jar token ...}, or in the checkout without a jar
 * {@code ./mvnw -q -pl app -am spring-boot:run -Dspring-boot.run.arguments=token}: prints a token signed by the local
 * key, for trying the service without an identity provider (docs/security.md). Only the service's settings are loaded
 * (the key file, the issuer, the audience, as the running service reads them), not the service, so it answers at once
 * and needs no database. Without options: a user of the default tenant who may read, write, search and audit.
 */
// Not a @Configuration: the service's component scan must not pick it up; it is only ever the source of its own run.
@EnableConfigurationProperties({SecuritySettings.class, LocalTokenSettings.class, ServiceSettings.class})
public class TokenCommand {

    /** The user of local tokens when none is named. */
    static final String LOCAL_USER_ID = "9f1c2d3e-4b5a-4c6d-8e7f-0a1b2c3d4e5f";

    public static void main(String[] arguments) {
        TokenCommandLine options = TokenCommandLine.parse(arguments);
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(TokenCommand.class)
                .web(WebApplicationType.NONE)
                .bannerMode(Banner.Mode.OFF)
                .logStartupInfo(false)
                // The token alone goes to the standard output, so that TOKEN=$(...) works.
                .properties("logging.level.root=WARN")
                .run(arguments)) {
            System.out.println(issue(options, context.getBean(SecuritySettings.class),
                    context.getBean(LocalTokenSettings.class), context.getBean(ServiceSettings.class).defaultTenantId()));
        }
    }

    /**
     * The command that prints a token for a service running from {@code location}, as typed in {@code working}: the
     * jar it runs from, or Maven in the checkout its classes were built in ({@code spring-boot:run} builds no jar);
     * {@code options} (already quoted for a shell) follow {@code token}.
     */
    public static String invocation(ServiceLocation location, Path working, List<String> options) {
        String arguments = options.isEmpty() ? "token" : "token " + String.join(" ", options);
        if (location.isJar()) {
            Path jar = location.source();
            return "java -jar " + (jar.startsWith(working) ? working.relativize(jar) : jar) + " " + arguments;
        }
        String maven = "./mvnw -q -pl app -am spring-boot:run -Dspring-boot.run.arguments="
                + (options.isEmpty() ? arguments : "\"" + arguments + "\"");
        return location.builtIn()
                .map(checkout -> checkout.equals(working) ? maven : "cd " + checkout + " && " + maven)
                .orElse("the token command of the service's jar (docs/security.md)");
    }

    static String issue(TokenCommandLine options, SecuritySettings settings, LocalTokenSettings local,
                        String defaultTenant) {
        if (!local.enabled()) {
            throw new IllegalStateException("Local tokens are turned off (restore.security.local-tokens.enabled)");
        }
        LocalTokens tokens = LocalTokens.fromKeyFile(local.keyFile(), local.issuer(), settings.audiences().get(0),
                Clock.systemUTC());
        String tenant = options.tenant() != null ? options.tenant() : defaultTenant;
        List<String> roles = options.roles() != null ? options.roles() : List.of(settings.auditRole());
        LocalTokenRequest request;
        if (options.app() != null) {
            List<String> appRoles = options.scopes() != null ? options.scopes() : List.of(Permission.READ_WRITE,
                    Permission.SEARCH);
            request = new LocalTokenRequest(tenant, null, null, options.app(),
                    options.appName() != null ? options.appName() : "Local application", appRoles, roles,
                    LocalTokens.DEFAULT_LIFETIME);
        } else {
            List<String> scopes = options.scopes() != null ? options.scopes() : List.of(Permission.READ_WRITE,
                    Permission.SEARCH);
            request = LocalTokenRequest.forUser(tenant,
                    options.user() != null ? options.user() : LOCAL_USER_ID,
                    options.name() != null ? options.name() : "Local administrator", scopes, roles);
        }
        if (options.lifetime() != null) {
            request = request.lasting(options.lifetime());
        }
        return tokens.issue(request);
    }

}
