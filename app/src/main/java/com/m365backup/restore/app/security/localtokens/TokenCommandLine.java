package com.m365backup.restore.app.security.localtokens;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.DefaultApplicationArguments;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * The options of the token command ({@link TokenCommand}), read as Spring reads a command line
 * ({@link DefaultApplicationArguments}): {@code --tenant}, {@code --user} and {@code --name} for a user's token, or
 * {@code --app} and {@code --app-name} for an application's, {@code --scopes} and {@code --roles} (comma or space
 * separated), {@code --hours}. Each as {@code --option value} or {@code --option=value}; options of the service
 * itself ({@code --restore.…=…}) may come along and are left to Spring.
 */
record TokenCommandLine(String tenant, String user, String name, String app, String appName, List<String> scopes,
                        List<String> roles, Duration lifetime) {

    private static final Set<String> OPTIONS = Set.of("tenant", "user", "name", "app", "app-name", "scopes", "roles",
            "hours");

    static TokenCommandLine parse(String[] arguments) {
        ApplicationArguments options = new DefaultApplicationArguments(withValuesAttached(arguments));
        String tenant = value(options, "tenant");
        String user = value(options, "user");
        String name = value(options, "name");
        String app = value(options, "app");
        String appName = value(options, "app-name");
        String scopes = value(options, "scopes");
        String roles = value(options, "roles");
        String hours = value(options, "hours");
        if (app != null && user != null) {
            throw new IllegalArgumentException("A token is a user's (--user) or an application's (--app), not both");
        }
        return new TokenCommandLine(tenant, user, name, app, appName, list(scopes), list(roles),
                hours != null ? Duration.ofHours(hours(hours)) : null);
    }

    /**
     * The arguments with each of the command's options joined to the value after it: Spring reads
     * {@code --option=value} only, and the command has always taken {@code --option value} too (docs/security.md).
     */
    private static String[] withValuesAttached(String[] arguments) {
        List<String> attached = new ArrayList<>();
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            boolean ours = argument.startsWith("--") && OPTIONS.contains(argument.substring(2));
            attached.add(ours && i + 1 < arguments.length ? argument + "=" + arguments[++i] : argument);
        }
        return attached.toArray(String[]::new);
    }

    /** The option's value, the last one when it is given twice; null when it is not given. */
    private static String value(ApplicationArguments options, String option) {
        List<String> values = options.getOptionValues(option);
        if (values == null) {
            return null;
        }
        if (values.isEmpty()) {
            throw new IllegalArgumentException("--" + option + " needs a value");
        }
        return values.get(values.size() - 1);
    }

    private static List<String> list(String value) {
        return value == null ? null : Arrays.stream(value.split("[,\\s]+")).filter(s -> !s.isBlank()).toList();
    }

    private static long hours(String value) {
        try {
            long hours = Long.parseLong(value);
            if (hours < 1 || hours > 24 * 30) {
                throw new IllegalArgumentException("--hours must be between 1 and 720");
            }
            return hours;
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException("--hours must be a whole number of hours");
        }
    }
}
