package com.m365backup.restore.app.security.localtokens;

import com.m365backup.restore.app.service.ServiceLocation;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.EnumerablePropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.stereotype.Component;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The token command as a person types it for this running service: {@link TokenCommand#invocation} for how it runs,
 * with the service's own command-line options that choose the key and the token's claims ({@code --restore.security.*},
 * {@code --restore.data-directory}, {@code --restore.default-tenant-id}), which the command must be given too. (Settings
 * from the environment reach a command typed in the same shell by themselves.)
 */
@Component
public class LocalTokenCommand {

    private static final Pattern PLAIN = Pattern.compile("[\\w./:=@,+-]*");

    private final String line;

    LocalTokenCommand(ConfigurableEnvironment environment) {
        List<String> options = new ArrayList<>();
        PropertySource<?> arguments = environment.getPropertySources()
                .get(CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME);
        if (arguments instanceof EnumerablePropertySource<?> given) {
            for (String name : given.getPropertyNames()) {
                if (name.startsWith("restore.security.") || name.equals("restore.data-directory")
                        || name.equals("restore.default-tenant-id")) {
                    options.add(quoted("--" + name + "=" + given.getProperty(name)));
                }
            }
        }
        this.line = TokenCommand.invocation(ServiceLocation.ofThisService(), Path.of("").toAbsolutePath(), options);
    }

    public String line() {
        return line;
    }

    private static String quoted(String option) {
        return PLAIN.matcher(option).matches() ? option : "'" + option.replace("'", "'\\''") + "'";
    }
}
