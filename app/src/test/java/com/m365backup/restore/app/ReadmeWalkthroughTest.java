package com.m365backup.restore.app;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The README's walk-through runs as written: its bash blocks, taken from README.md itself, each run with
 * {@code bash -euo pipefail} against this service, in order, the variables one block sets kept for the next (as in
 * one shell a person pastes them into). Only the first block's {@code BASE=} and {@code TOKEN=} lines are left out:
 * the test sets both, so the commands reach this service with a token it trusts. Where {@code jq} is not installed
 * (or with {@code -Dreadme.jq=stand-in}), {@link Jq} stands in for it. Afterwards the service must hold what the
 * walk-through says it made.
 */
@FastRestores
class ReadmeWalkthroughTest extends RunningApplicationTest {

    private static final String SECTION = "## Walk-through with curl";
    private static final Pattern BASH_BLOCK = Pattern.compile("(?ms)^```bash\\n(.*?)^```$");
    private static final Pattern ASSIGNMENT = Pattern.compile("(?m)^\\s*([A-Z][A-Z0-9_]*)=");
    private static final Pattern RESTORE_POINT = Pattern.compile(
            "\"restorePoint\": \\{\"(?:@odata\\.id|id)\": \"([^\"]+)\"");
    private static final String ROOT = "/beta/solutions/backupRestore";
    private static final String GUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private static final ObjectMapper JSON = new ObjectMapper();
    /** The ids the walk-through keeps, which the test then looks up. */
    private static final List<String> KEPT = List.of("SESSION", "A", "B", "DRAFT", "UNIT", "LATEST", "BULK", "SEARCH",
            "GRANULAR");

    @TempDir
    Path work;

    private String walkthrough;

    @BeforeEach
    void readWalkthrough() throws IOException {
        String readme = Files.readString(projectRoot().resolve("README.md"));
        int start = readme.indexOf(SECTION);
        assertThat(start).as("README has a section '%s'", SECTION).isNotNegative();
        int end = readme.indexOf("\n## ", start + SECTION.length());
        walkthrough = readme.substring(start, end < 0 ? readme.length() : end);
    }

    @Test
    void every_restore_point_the_walkthrough_names_is_in_the_catalog() {
        Set<String> named = new LinkedHashSet<>();
        Matcher restorePoint = RESTORE_POINT.matcher(walkthrough);
        while (restorePoint.find()) {
            named.add(restorePoint.group(1));
        }

        assertThat(named).hasSize(7);
        GraphHttp graph = new GraphHttp(port);
        for (String id : named) {
            assertThat(graph.get(ROOT + "/restorePoints/" + id).status()).as("restore point %s", id).isEqualTo(200);
        }
    }

    @Test
    void the_walkthrough_runs_as_written_and_makes_what_it_says() throws Exception {
        List<String> blocks = bashBlocks();
        Map<String, String> variables = runInOrder(blocks);

        String session = variables.get("SESSION");
        assertThat(session).matches(GUID);
        assertThat(variables.get("A")).matches(GUID);
        assertThat(variables.get("B")).matches(GUID);
        GraphHttp graph = new GraphHttp(port);
        JsonNode restored = graph.get(ROOT + "/exchangeRestoreSessions/" + session
                + "?$expand=mailboxRestoreArtifacts").json();
        assertThat(restored.path("status").asText()).isEqualTo("completed");
        assertThat(restored.path("restoreSessionArtifactCount").path("total").asInt()).isEqualTo(4);
        assertThat(restored.path("mailboxRestoreArtifacts").findValuesAsText("id"))
                .doesNotContain(variables.get("A"), variables.get("B"));

        assertThat(graph.get(ROOT + "/exchangeRestoreSessions/" + variables.get("DRAFT")).status()).isEqualTo(404);

        // Adele Vance's mailbox, found by its address, and its newest restore point.
        assertThat(variables.get("UNIT")).isEqualTo("e31499c5-3bfa-57dd-9638-c6350c5bcff8");
        JsonNode latest = graph.get(ROOT + "/restorePoints/" + variables.get("LATEST") + "?$expand=protectionUnit")
                .json();
        assertThat(latest.path("protectionUnit").path("id").asText()).isEqualTo(variables.get("UNIT"));

        String bulk = variables.get("BULK");
        JsonNode request = graph.get(ROOT + "/exchangeRestoreSessions/" + bulk
                + "/mailboxRestoreArtifactsBulkAdditionRequests").json().path("value").path(0);
        assertThat(request.path("status").asText()).isEqualTo("completedWithErrors");
        assertThat(request.path("error").path("details").findValuesAsText("target"))
                .containsExactly("nobody@contoso.com");
        assertThat(graph.get(ROOT + "/exchangeRestoreSessions/" + bulk).json()
                .path("restoreSessionArtifactCount").path("total").asInt()).isEqualTo(3);

        assertThat(variables.get("SEARCH")).isNotBlank().isNotEqualTo("null");
        JsonNode granular = graph.get(ROOT + "/exchangeRestoreSessions/" + variables.get("GRANULAR")
                + "/granularMailboxRestoreArtifacts").json().path("value");
        assertThat(granular).hasSize(1);
        assertThat(granular.path(0).path("status").asText()).isEqualTo("succeeded");
        assertThat(granular.path(0).path("restoredItemCount").asInt()).isEqualTo(3);
    }

    /** The walk-through's bash blocks; the first one without the lines that point at a local service and token. */
    private List<String> bashBlocks() {
        List<String> blocks = new ArrayList<>();
        Matcher block = BASH_BLOCK.matcher(walkthrough);
        while (block.find()) {
            blocks.add(block.group(1));
        }
        assertThat(blocks).hasSizeGreaterThan(10);
        String setup = blocks.get(0);
        List<String> lines = setup.lines().toList();
        assertThat(lines).as("the first block sets BASE and TOKEN")
                .contains("BASE=http://localhost:8080")
                .anyMatch(line -> line.startsWith("TOKEN=$(./mvnw "));
        blocks.set(0, lines.stream()
                .filter(line -> !line.startsWith("BASE=") && !line.startsWith("TOKEN="))
                .collect(Collectors.joining("\n", "", "\n")));
        return blocks;
    }

    /**
     * Runs each block in a bash of its own, as the README's reader would in one shell: the variables the blocks
     * assign are handed from one to the next. Answers the ids it kept ({@link #KEPT}).
     */
    private Map<String, String> runInOrder(List<String> blocks) throws Exception {
        Set<String> names = new LinkedHashSet<>();
        blocks.forEach(block -> ASSIGNMENT.matcher(block).results().forEach(name -> names.add(name.group(1))));
        Path state = work.resolve("state.sh");
        Files.writeString(state, "");
        String keep = "for name in " + String.join(" ", names) + "; do\n"
                + "  if [ -n \"${!name+set}\" ]; then declare -p \"$name\"; fi\n"
                + "done > '" + state + "'\n";
        for (int step = 0; step < blocks.size(); step++) {
            Path script = work.resolve("step-" + step + ".sh");
            Files.writeString(script, "source '" + state + "'\n" + blocks.get(step) + keep);
            Process bash = bash(script);
            String output = new String(bash.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(bash.waitFor(3, TimeUnit.MINUTES)).as("step %d ended", step + 1).isTrue();
            assertThat(bash.exitValue())
                    .as("exit code of step %d:%n%s%noutput:%n%s", step + 1, blocks.get(step), output)
                    .isZero();
            checkAnswer(blocks.get(step), output);
        }
        Process dump = bash(writeScript("source '" + state + "'\n"
                + KEPT.stream().map(name -> "printf '%s=%s\\n' " + name + " \"${" + name + "-}\"")
                        .collect(Collectors.joining("\n")) + "\n"));
        String dumped = new String(dump.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(dump.waitFor(1, TimeUnit.MINUTES)).isTrue();
        Map<String, String> variables = new LinkedHashMap<>();
        dumped.lines().filter(line -> line.contains("=")).forEach(line -> variables.put(line.substring(0, line.indexOf('=')),
                line.substring(line.indexOf('=') + 1)));
        return variables;
    }

    /** A few answers the README's text promises, read from the step's output. */
    private static void checkAnswer(String block, String output) throws IOException {
        String compact = output.replaceAll("\\s", "");
        if (block.contains("mailboxRestoreArtifacts@delta")) {
            assertThat(compact).contains("\"failedOperation\":\"remove\"", "\"responseCode\":409",
                    "\"id\":\"4267e382-71a9-4c07-bef7-bda97e09c0d2\"");
            assertThat(compact.split("\"status\":\"added\"", -1)).hasSize(5);
        }
        if (block.contains("-X DELETE")) {
            assertThat(output.lines().toList()).containsExactly("204", "404");
        }
        if (block.contains("/activate") && !block.contains("for attempt")) {
            assertThat(compact).contains("\"status\":\"activating\"");
        }
        if (block.contains("for attempt")) {
            assertThat(output.lines().filter(line -> line.matches("[a-zA-Z]+")).reduce((first, last) -> last))
                    .hasValue("completed");
        }
        if (block.contains("mailboxRestoreArtifactsBulkAdditionRequests\" \\\n  -H")) {
            assertThat(JSON.readTree(output).path("status").asText()).isEqualTo("active");
        }
    }

    private Path writeScript(String text) throws IOException {
        Path script = Files.createTempFile(work, "script", ".sh");
        Files.writeString(script, text);
        return script;
    }

    private Process bash(Path script) throws IOException, URISyntaxException {
        ProcessBuilder bash = new ProcessBuilder("bash", "-euo", "pipefail", script.toString())
                .directory(projectRoot().toFile())
                .redirectErrorStream(true);
        bash.environment().put("BASE", "http://localhost:" + port);
        bash.environment().put("TOKEN", TestTokens.administrator());
        if (jqStandInNeeded()) {
            bash.environment().put("PATH", jqStandIn() + File.pathSeparator + bash.environment().get("PATH"));
        }
        return bash.start();
    }

    private static boolean jqStandInNeeded() throws IOException {
        if ("stand-in".equals(System.getProperty("readme.jq"))) {
            return true;
        }
        Process which = new ProcessBuilder("bash", "-c", "command -v jq").redirectErrorStream(true).start();
        try {
            return which.waitFor() != 0;
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** A folder whose {@code jq} runs {@link Jq} on this JVM, with Jackson from this test's own classpath. */
    private Path jqStandIn() throws IOException, URISyntaxException {
        Path folder = work.resolve("bin");
        Path jq = folder.resolve("jq");
        if (Files.exists(jq)) {
            return folder;
        }
        Files.createDirectories(folder);
        String classpath = String.join(File.pathSeparator, location(Jq.class), location(ObjectMapper.class),
                location(JsonParser.class), location(JsonProperty.class));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Files.writeString(jq, "#!/usr/bin/env bash\nexec '" + java + "' -XX:TieredStopAtLevel=1 -cp '" + classpath
                + "' " + Jq.class.getName() + " \"$@\"\n");
        assertThat(jq.toFile().setExecutable(true)).isTrue();
        return folder;
    }

    private static String location(Class<?> type) throws URISyntaxException {
        return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    }

    private static Path projectRoot() {
        Path folder = Path.of("").toAbsolutePath();
        while (!Files.exists(folder.resolve("mvnw"))) {
            folder = folder.getParent();
        }
        return folder;
    }
}
