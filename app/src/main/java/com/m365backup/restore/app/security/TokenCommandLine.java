package com.m365backup.restore.app.security;

import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The options of the token command ({@link TokenCommand}): {@code --tenant}, {@code --user} and {@code --name} for a user's
 * token, or {@code --app} and {@code --app-name} for an application's, {@code --scopes} and {@code --roles} (comma
 * or space separated), {@code --hours}. Each as {@code --option value} or {@code --option=value}; options of the
 * service itself ({@code --restore.…=…}) may come along and are left to Spring.
 */
record TokenCommandLine(String tenant, String user, String name, String app, String appName, List<String> scopes,
                        List<String> roles, Duration lifetime) {

    private static final Set<String> OPTIONS = Set.of("tenant", "user", "name", "app", "app-name", "scopes", "roles",
            "hours");

    static TokenCommandLine parse(String[] arguments) {
        Map<String, String> options = new HashMap<>();
        for (int i = 0; i < arguments.length; i++) {
            String argument = arguments[i];
            if (!argument.startsWith("--")) {
                continue;
            }
            String name = argument.substring(2);
            String value = null;
            int equals = name.indexOf('=');
            if (equals >= 0) {
                value = name.substring(equals + 1);
                name = name.substring(0, equals);
            }
            if (!OPTIONS.contains(name)) {
                continue;
            }
            if (value == null) {
                if (i + 1 >= arguments.length) {
                    throw new IllegalArgumentException("--" + name + " needs a value");
                }
                value = arguments[++i];
            }
            options.put(name, value);
        }
        if (options.containsKey("app") && options.containsKey("user")) {
            throw new IllegalArgumentException("A token is a user's (--user) or an application's (--app), not both");
        }
        return new TokenCommandLine(options.get("tenant"), options.get("user"), options.get("name"),
                options.get("app"), options.get("app-name"), list(options.get("scopes")), list(options.get("roles")),
                options.containsKey("hours") ? Duration.ofHours(hours(options.get("hours"))) : null);
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
