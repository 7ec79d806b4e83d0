package com.m365backup.restore.app;

import com.m365backup.restore.app.security.localtokens.TokenCommand;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.util.Arrays;
import java.util.Set;

/**
 * Starts the Exchange restore sessions service, or, given a command as first argument, runs that command against
 * its database and exits: {@code replay} rebuilds the read model, {@code seed-history} writes synthetic history
 * for measuring a replay (docs/audit.md); {@code token} prints a local token and needs no database
 * (docs/security.md). Every settings record of every module ({@code @ConfigurationProperties}) is found and bound
 * by the scan, so no module needs a configuration class only to enable its own.
 */
@SpringBootApplication(scanBasePackages = RestoreSessionsApplication.ALL_MODULES)
@ConfigurationPropertiesScan(RestoreSessionsApplication.ALL_MODULES)
public class RestoreSessionsApplication {

    /** The package of every module (domain, command, query, app), which components and settings are found in. */
    static final String ALL_MODULES = "com.m365backup.restore";

    private static final Set<String> COMMANDS = Set.of("replay", "seed-history");

    public static void main(String[] args) {
        if (args.length > 0 && args[0].equals("token")) {
            TokenCommand.main(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        AxonUpdateChecker.disableUnlessAsked();
        AxonUpdateChecker.quietConsoleAdvertUnlessAsked();
        if (args.length > 0 && COMMANDS.contains(args[0])) {
            ConfigurableApplicationContext context = new SpringApplicationBuilder(RestoreSessionsApplication.class)
                    .web(WebApplicationType.NONE)
                    .properties("restore.command=" + args[0])
                    .run(args);
            System.exit(SpringApplication.exit(context));
        }
        SpringApplication.run(RestoreSessionsApplication.class, args);
    }

    /** The clock every time stamp of a command and every token check reads. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
