package com.m365backup.restore.app;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.ConfigurationProperties;

import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Executable;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Parameter;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration table (docs/configuration.md) names every {@code restore.*} setting the code reads, with its environment
 * variable, and no setting that nothing reads: bound records ({@code @ConfigurationProperties}), {@code @Value}
 * placeholders and the keys of application.properties (and {@code @ConditionalOnProperty} switches, which the table
 * may name).
 */
class ConfigurationTableTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}:]+)");
    private static final Pattern TABLE_KEY = Pattern.compile("^\\|\\s*`(restore\\.[^`]+)`", Pattern.MULTILINE);
    private static final String OURS = "restore.";

    private static Set<String> read;
    /** Read with {@code @Value} placeholders rather than through a properties record. */
    private static Set<String> placeholders;
    /** Read by a condition only; may be internal (the audit's modes set restore.command from the first argument). */
    private static Set<String> switches;
    private static String table;

    @BeforeAll
    static void collect() throws IOException {
        read = new TreeSet<>();
        placeholders = new TreeSet<>();
        switches = new TreeSet<>();
        for (JavaClass type : new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("com.m365backup.restore")) {
            Class<?> loaded = type.reflect();
            read.addAll(boundKeys(loaded));
            placeholders.addAll(placeholderKeys(loaded));
            switches.addAll(conditionKeys(loaded));
        }
        Properties defaults = new Properties();
        try (InputStream properties = ConfigurationTableTest.class.getResourceAsStream("/application.properties")) {
            defaults.load(properties);
        }
        read.addAll(placeholders);
        defaults.stringPropertyNames().stream().filter(key -> key.startsWith(OURS)).forEach(read::add);
        table = Files.readString(projectRoot().resolve("docs").resolve("configuration.md"));
    }

    @Test
    void every_setting_the_code_reads_is_in_the_table_with_its_environment_variable() {
        assertThat(read).isNotEmpty().contains("restore.limits.max-items-per-patch");
        List<String> missing = read.stream()
                .filter(key -> !table.contains("`" + key + "` | `" + environmentVariable(key) + "`"))
                .toList();

        assertThat(missing).as("rows | `key` | `ENVIRONMENT_VARIABLE` | default | what it does |").isEmpty();
    }

    @Test
    void every_setting_is_read_through_the_properties_record_of_its_area() {
        assertThat(placeholders).as("restore.* settings read with @Value instead of a @ConfigurationProperties record")
                .isEmpty();
    }

    @Test
    void the_table_names_no_setting_that_nothing_reads() {
        Set<String> documented = new TreeSet<>();
        Matcher row = TABLE_KEY.matcher(table);
        while (row.find()) {
            documented.add(row.group(1));
        }

        Set<String> known = new TreeSet<>(read);
        known.addAll(switches);
        assertThat(known).containsAll(documented);
    }

    /** One of the forms Spring's relaxed binding reads: dots and dashes become underscores, in capitals. */
    private static String environmentVariable(String key) {
        return key.replace('.', '_').replace('-', '_').toUpperCase(Locale.ROOT);
    }

    private static List<String> boundKeys(Class<?> type) {
        ConfigurationProperties bound = type.getAnnotation(ConfigurationProperties.class);
        if (bound == null) {
            return List.of();
        }
        String prefix = bound.value().isEmpty() ? bound.prefix() : bound.value();
        return keysOf(type, prefix).stream().filter(key -> key.startsWith(OURS)).toList();
    }

    /** The keys a bound type reads; a nested record of our own (settings of settings) counts by its own keys. */
    private static List<String> keysOf(Class<?> type, String prefix) {
        if (type.isRecord()) {
            return Stream.of(type.getRecordComponents())
                    .flatMap(component -> {
                        String key = prefix + "." + kebab(component.getName());
                        return component.getType().isRecord()
                                && component.getType().getPackageName().startsWith("com.m365backup.restore")
                                ? keysOf(component.getType(), key).stream()
                                : Stream.of(key);
                    })
                    .toList();
        }
        return Stream.of(type.getDeclaredFields()).filter(field -> !Modifier.isStatic(field.getModifiers()))
                .map(field -> prefix + "." + kebab(field.getName()))
                .toList();
    }

    private static String kebab(String name) {
        return name.replaceAll("([A-Z])", "-$1").toLowerCase(Locale.ROOT);
    }

    private static List<String> placeholderKeys(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredFields()));
        List<Executable> executables = new ArrayList<>(List.of(type.getDeclaredConstructors()));
        executables.addAll(List.of(type.getDeclaredMethods()));
        elements.addAll(executables);
        for (Executable executable : executables) {
            for (Parameter parameter : executable.getParameters()) {
                elements.add(parameter);
            }
        }
        List<String> keys = new ArrayList<>();
        for (AnnotatedElement element : elements) {
            Value value = element.getAnnotation(Value.class);
            if (value != null) {
                Matcher placeholder = PLACEHOLDER.matcher(value.value());
                while (placeholder.find()) {
                    if (placeholder.group(1).startsWith(OURS)) {
                        keys.add(placeholder.group(1));
                    }
                }
            }
        }
        return keys;
    }

    /** Settings that switch beans on or off ({@code @ConditionalOnProperty} on a class or a bean method). */
    private static List<String> conditionKeys(Class<?> type) {
        List<AnnotatedElement> elements = new ArrayList<>(List.of(type.getDeclaredMethods()));
        elements.add(type);
        List<String> keys = new ArrayList<>();
        for (AnnotatedElement element : elements) {
            ConditionalOnProperty condition = element.getAnnotation(ConditionalOnProperty.class);
            if (condition != null) {
                String prefix = condition.prefix().isEmpty() ? "" : condition.prefix() + ".";
                Stream.concat(Stream.of(condition.name()), Stream.of(condition.value()))
                        .map(name -> prefix + name)
                        .filter(key -> key.startsWith(OURS))
                        .forEach(keys::add);
            }
        }
        return keys;
    }

    private static Path projectRoot() {
        Path folder = Path.of("").toAbsolutePath();
        while (!Files.exists(folder.resolve("mvnw"))) {
            folder = folder.getParent();
        }
        return folder;
    }
}
