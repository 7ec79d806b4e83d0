import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.LockSupport;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The benchmark of the restore sessions service (docs/performance.md): every figure beside what PostgreSQL itself
 * does on the same embedded server in the same run, so that a figure means the same on a busy laptop and on CI.
 *
 * <p>Launched by {@code bench/run.sh [all|writes|restore|reads|replay]}, which checks the tools, builds the jar if
 * needed, gives this program an empty temporary folder and removes it afterwards. Java 17 runs this single source
 * file directly; it uses the JDK only.
 */
public class Bench {

    public static void main(String[] arguments) throws Exception {
        Settings settings = Settings.from(arguments);
        ChildProcesses.stopAllAtExit();
        Machine machine = Machine.now();
        LoadSampler load = LoadSampler.start();
        Report report = new Report(settings, machine);
        System.out.printf(Locale.ROOT, "Benchmark '%s' on %d cores, load average %s; work folder %s%n",
                settings.phase, machine.cores(), machine.loadAverage(), settings.work);
        System.out.println("The load generator and the service share this machine's cores: every figure includes"
                + " that competition.");

        Catalog catalog = new Catalog(settings.mailboxes);
        if (settings.needsMainService()) {
            // A service that does not start is a row of the table too, and the replay still runs.
            report.attempt("service", () -> runOnMainService(settings, catalog, report));
        }
        if (settings.runs("replay")) {
            new ReplayPhase(settings, report).run();
        }
        report.finish(load.stop());
        report.print();
        Path markdown = report.writeMarkdown();
        System.out.println("Written to bench/" + settings.benchDir.relativize(markdown));
    }

    private static void runOnMainService(Settings settings, Catalog catalog, Report report) throws Exception {
        Path catalogFile = settings.work.resolve("catalog.json");
        catalog.write(catalogFile);
        Path keyFile = settings.work.resolve("data/local-signing-key.json");
        log("Starting the service on its embedded PostgreSQL (port %d), catalog of %,d mailboxes",
                settings.postgresPort, settings.mailboxes);
        ServiceProcess service = ServiceProcess.start("service", settings, List.of(
                "--server.port=" + settings.httpPort,
                "--management.server.port=" + settings.managementPort,
                "--restore.embedded-postgres.data-directory=" + settings.work.resolve("data/postgres"),
                "--restore.embedded-postgres.port=" + settings.postgresPort,
                "--restore.security.local-tokens.key-file=" + keyFile,
                "--restore.catalog.file=file:" + catalogFile,
                "--restore.limits.max-artifacts-per-session=" + settings.largeSession,
                "--restore.activation.max-mailboxes-in-restore=" + settings.largeSession,
                "--restore.simulated-restorer.duration=" + settings.restoreMillis + "ms",
                "--axon.eventhandling.processors.mailbox-restores.initial-segment-count=" + settings.parallelRestores,
                "--axon.eventhandling.processors.mailbox-restores.thread-count=" + settings.parallelRestores));
        try {
            HttpClient http = Http.client();
            service.awaitReady(http, settings.managementPort, Duration.ofSeconds(240));
            // The service's JVM is still compiling its start-up code for a moment; pgbench goes first and would
            // otherwise share the cores with it.
            Thread.sleep(TimeUnit.SECONDS.toMillis(settings.settleSeconds));
            String token = JarCommand.token(settings, keyFile);
            Postgres postgres = new Postgres(settings, settings.postgresPort);
            postgres.checkReachable();
            PostgresLimits limits = new PostgresLimits(settings, postgres);
            GraphApi api = new GraphApi(http, "http://127.0.0.1:" + settings.httpPort,
                    "http://127.0.0.1:" + settings.managementPort, token);

            if (settings.needsWarmService()) {
                new WarmUp(settings, api, report).run();
            }
            WritePhase writes = new WritePhase(settings, api, limits, report);
            RestorePhase restores = new RestorePhase(settings, api, limits, report);
            ReadPhase reads = new ReadPhase(settings, api, limits, report, token);
            if (settings.runs("writes")) {
                writes.run();
            }
            if (settings.runs("reads")) {
                reads.runOnDraft();
            }
            // The past state is read on the 1,000-artifact session that ran to completion, before the 10,000
            // session starts restoring, so that its figures are not taken beside a restore in full swing.
            if (settings.runs("restore") || settings.runs("reads")) {
                Optional<SessionBuild> draft = writes.thousandArtifactDraft();
                Optional<CompletedSession> completed = restores.runToCompletion(settings.mediumSession, draft,
                        settings.runs("restore"));
                if (settings.runs("reads")) {
                    reads.runPastState(completed);
                }
            }
            if (settings.runs("restore")) {
                restores.runToCompletion(settings.largeSession, Optional.empty(), true);
                restores.runBulkRequest();
            }
            report.addPostgresFigures(limits.figures());
            report.note(PostgresLimits.SCRATCH_SHAPE);
            report.note("Service log: " + service.logLines(0).size() + " lines; its WARN and ERROR lines in this run: "
                    + service.warningsAndErrors());
        } finally {
            log("Stopping the service");
            service.stop();
        }
    }

    static void log(String format, Object... values) {
        System.out.printf(Locale.ROOT, "[%s] %s%n",
                DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneOffset.UTC).format(Instant.now()),
                String.format(Locale.ROOT, format, values));
    }
}

/** What a run measures and how long, from the environment (bench/run.sh documents the variables). */
final class Settings {

    private static final List<String> PHASES = List.of("all", "writes", "restore", "reads", "replay");

    final String phase;
    final Path work;
    final Path jar;
    final Path benchDir;
    final Path resultsDir;
    final String commit;

    final int httpPort = number("BENCH_HTTP_PORT", 18080);
    final int managementPort = number("BENCH_MANAGEMENT_PORT", 18081);
    final int postgresPort = number("BENCH_POSTGRES_PORT", 15432);
    final int replayHttpPort = number("BENCH_REPLAY_HTTP_PORT", 18082);
    final int replayManagementPort = number("BENCH_REPLAY_MANAGEMENT_PORT", 18083);
    final int replayPostgresPort = number("BENCH_REPLAY_POSTGRES_PORT", 15433);

    final int mailboxes = number("BENCH_MAILBOXES", 10_000);
    final int pgbenchSeconds = number("BENCH_PGBENCH_SECONDS", 10);
    final int settleSeconds = number("BENCH_SETTLE_SECONDS", 5);
    final int serviceWarmupSeconds = number("BENCH_SERVICE_WARMUP_SECONDS", 90);
    final int patchWarmup = number("BENCH_PATCH_WARMUP", 20);
    final int patchCount = number("BENCH_PATCH_COUNT", 200);
    final int warmupSeconds = number("BENCH_WARMUP_SECONDS", 5);
    final int writeLoadSeconds = number("BENCH_WRITE_LOAD_SECONDS", 30);
    final int writeClients = number("BENCH_WRITE_CLIENTS", 4);
    final int growthSessions = number("BENCH_GROWTH_SESSIONS", 9);
    final int mediumSession = number("BENCH_MEDIUM_SESSION", 1_000);
    final int largeSession = number("BENCH_LARGE_SESSION", 10_000);
    final int bulkMailboxes = number("BENCH_BULK_MAILBOXES", 10_000);
    final int bulkUnknown = number("BENCH_BULK_UNKNOWN", 10);
    final Duration sessionTimeout = Duration.ofSeconds(number("BENCH_SESSION_TIMEOUT_SECONDS", 180));
    final Duration phaseTimeout = Duration.ofSeconds(number("BENCH_PHASE_TIMEOUT_SECONDS", 120));
    final Duration pastStateTimeout = Duration.ofSeconds(number("BENCH_PAST_STATE_TIMEOUT_SECONDS", 60));
    final int restoreMillis = number("BENCH_RESTORE_MILLIS", 10);
    final int parallelRestores = number("BENCH_PARALLEL_RESTORES", 8);
    final int wrkSeconds = number("BENCH_WRK_SECONDS", 10);
    final int wrkConnections = number("BENCH_WRK_CONNECTIONS", 8);
    final int fixedRate = number("BENCH_FIXED_RATE", 500);
    final int fixedRateSeconds = number("BENCH_FIXED_RATE_SECONDS", 20);
    final int pastStateCalls = number("BENCH_PAST_STATE_CALLS", 50);
    final int seedSessions = number("BENCH_SEED_SESSIONS", 5_000);
    final int seedEventsPerSession = number("BENCH_SEED_EVENTS_PER_SESSION", 20);
    final Duration commandTimeout = Duration.ofSeconds(number("BENCH_COMMAND_TIMEOUT_SECONDS", 600));

    /** Graph's limit of items in one delta PATCH (docs/api.md); the service's default too. */
    final int itemsPerPatch = 50;

    private Settings(String phase, Path work, Path jar, Path benchDir, String commit) {
        this.phase = phase;
        this.work = work;
        this.jar = jar;
        this.benchDir = benchDir;
        this.resultsDir = benchDir.resolve("results");
        this.commit = commit;
    }

    static Settings from(String[] arguments) {
        if (arguments.length != 4) {
            throw new IllegalArgumentException("Usage (from bench/run.sh): java bench/Bench.java <phase> <work folder>"
                    + " <jar> <bench folder>");
        }
        String phase = arguments[0];
        if (!PHASES.contains(phase)) {
            throw new IllegalArgumentException("Unknown phase '" + phase + "'; one of " + PHASES);
        }
        Settings settings = new Settings(phase, Path.of(arguments[1]).toAbsolutePath(),
                Path.of(arguments[2]).toAbsolutePath(), Path.of(arguments[3]).toAbsolutePath(),
                System.getenv().getOrDefault("BENCH_COMMIT", "unknown"));
        if (settings.mailboxes < settings.largeSession) {
            throw new IllegalArgumentException("BENCH_MAILBOXES must be at least BENCH_LARGE_SESSION: a mailbox is in"
                    + " a session at most once");
        }
        if (settings.bulkUnknown > settings.bulkMailboxes
                || settings.mailboxes < settings.bulkMailboxes - settings.bulkUnknown) {
            throw new IllegalArgumentException("BENCH_BULK_MAILBOXES less BENCH_BULK_UNKNOWN mailboxes must be in the"
                    + " catalog of BENCH_MAILBOXES");
        }
        return settings;
    }

    boolean runs(String part) {
        return phase.equals("all") || phase.equals(part);
    }

    /** Every phase on the main service but the restore alone is measured warm. */
    boolean needsWarmService() {
        return runs("writes") || runs("reads");
    }

    boolean needsMainService() {
        return runs("writes") || runs("restore") || runs("reads");
    }

    /** The lower bound of a restore of n mailboxes: each takes the simulated time, so many side by side. */
    Duration restorerBound(int artifacts) {
        return Duration.ofNanos((long) artifacts * restoreMillis * 1_000_000L / parallelRestores);
    }

    private static int number(String variable, int otherwise) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            return otherwise;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw new IllegalArgumentException(variable + " must be a whole number, not '" + value + "'");
        }
    }
}

/** The machine the figures were taken on: the load of other users is part of every figure. */
record Machine(int cores, String loadAverage, String cpu, Instant start) {

    static Machine now() {
        return new Machine(Runtime.getRuntime().availableProcessors(), LoadSampler.loadAverage(), cpuModel(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private static String cpuModel() {
        try (Stream<String> lines = Files.lines(Path.of("/proc/cpuinfo"))) {
            return lines.filter(line -> line.startsWith("model name")).findFirst()
                    .map(line -> line.substring(line.indexOf(':') + 1).trim()).orElse("unknown CPU");
        } catch (IOException | UncheckedIOException unreadable) {
            return "unknown CPU";
        }
    }
}

/** Samples the 1-minute load average every 10 s, so the report says how busy the machine was meanwhile. */
final class LoadSampler {

    private final List<Double> samples = new CopyOnWriteArrayList<>();
    private final Thread thread;

    private LoadSampler() {
        thread = new Thread(() -> {
            while (!Thread.currentThread().isInterrupted()) {
                oneMinuteLoad().ifPresent(samples::add);
                try {
                    Thread.sleep(10_000);
                } catch (InterruptedException stopped) {
                    return;
                }
            }
        }, "load-sampler");
        thread.setDaemon(true);
    }

    static LoadSampler start() {
        LoadSampler sampler = new LoadSampler();
        sampler.thread.start();
        return sampler;
    }

    String stop() {
        thread.interrupt();
        if (samples.isEmpty()) {
            return "unknown";
        }
        double mean = samples.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double max = samples.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return String.format(Locale.ROOT, "1-minute load average during the run: mean %.2f, max %.2f (%d samples);"
                + " at the end %s", mean, max, samples.size(), loadAverage());
    }

    static String loadAverage() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+");
            return fields[0] + ", " + fields[1] + ", " + fields[2];
        } catch (IOException unreadable) {
            return "unknown";
        }
    }

    private static Optional<Double> oneMinuteLoad() {
        try {
            return Optional.of(Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).trim().split("\\s+")[0]));
        } catch (IOException | NumberFormatException unreadable) {
            return Optional.empty();
        }
    }
}

/**
 * The restore point catalog the service imports at start (docs/configuration.md, Restore point catalog): one mailbox of
 * the default tenant per index, each with one restore point that never expires. Ids are name-based GUIDs, the same in
 * every run.
 */
final class Catalog {

    static final String TENANT = "00000000-0000-0000-0000-000000000001";

    private final int mailboxes;

    Catalog(int mailboxes) {
        this.mailboxes = mailboxes;
    }

    static String restorePointId(int index) {
        return guid("bench restore point " + index);
    }

    static String mailboxId(int index) {
        return guid("bench mailbox " + index);
    }

    void write(Path file) throws IOException {
        // A day ago, so that no check of the service ever sees a restore point taken in the future.
        String taken = Instant.now().minus(Duration.ofDays(1)).truncatedTo(ChronoUnit.SECONDS).toString();
        Files.createDirectories(file.getParent());
        try (Writer out = Files.newBufferedWriter(file)) {
            out.write("{\"tenants\":[{\"tenantId\":\"" + TENANT + "\",\"protectionUnits\":[\n");
            for (int i = 0; i < mailboxes; i++) {
                String number = String.format(Locale.ROOT, "%05d", i);
                out.write((i == 0 ? "" : ",\n") + "{\"id\":\"" + mailboxId(i) + "\","
                        + "\"directoryObjectId\":\"" + guid("bench directory object " + i) + "\","
                        + "\"displayName\":\"Bench mailbox " + number + "\","
                        + "\"email\":\"bench.mailbox." + number + "@contoso.com\","
                        + "\"restorePoints\":[{\"id\":\"" + restorePointId(i) + "\","
                        + "\"protectionDateTime\":\"" + taken + "\",\"tags\":\"none\"}]}");
            }
            out.write("\n]}]}\n");
        }
    }

    private static String guid(String name) {
        return UUID.nameUUIDFromBytes(name.getBytes(StandardCharsets.UTF_8)).toString();
    }
}

/**
 * The processes this program starts. Their ids go to {@code pids} in the work folder, so that bench/run.sh can stop
 * one left behind if this JVM is killed; a shutdown hook stops them on Ctrl-C.
 */
final class ChildProcesses {

    private static final List<Process> STARTED = new CopyOnWriteArrayList<>();
    private static Path pidFile;

    private ChildProcesses() {
    }

    static void stopAllAtExit() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> STARTED.forEach(ChildProcesses::stop), "stop-children"));
    }

    static synchronized void track(Process process, Path work) throws IOException {
        STARTED.add(process);
        pidFile = work.resolve("pids");
        Files.writeString(pidFile, process.pid() + "\n", StandardCharsets.UTF_8,
                java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
    }

    /** SIGTERM first, so that the service stops its processors and its PostgreSQL cleanly; then a kill. */
    static void stop(Process process) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                System.err.println("Process " + process.pid() + " did not stop within 60 s of SIGTERM: killed");
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException interrupted) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}

/** The service jar started as a server, its output in a log file of the work folder. */
final class ServiceProcess {

    private final String name;
    private final Process process;
    private final Path log;

    private ServiceProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    static ServiceProcess start(String name, Settings settings, List<String> arguments) throws IOException {
        for (String argument : arguments) {
            if (argument.contains("port=")) {
                Ports.requireFree(Integer.parseInt(argument.substring(argument.indexOf('=') + 1)), argument);
            }
        }
        Path log = settings.work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(JarCommand.java(), "-jar", settings.jar.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command)
                .directory(settings.work.toFile()) // nothing of it lands in the checkout, even a default ./data
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ChildProcesses.track(process, settings.work);
        return new ServiceProcess(name, process, log);
    }

    void awaitReady(HttpClient http, int managementPort, Duration timeout) throws Exception {
        URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " exited with " + process.exitValue() + " before it was ready;"
                        + " last lines of its log:\n" + String.join("\n", tail(30)));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(readiness)
                        .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() == 200 && answer.body().contains("\"UP\"")) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout.toSeconds() + " s; last lines of"
                + " its log:\n" + String.join("\n", tail(30)));
    }

    void stop() {
        ChildProcesses.stop(process);
    }

    List<String> logLines(int from) {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return lines.subList(Math.min(from, lines.size()), lines.size());
        } catch (IOException unreadable) {
            return List.of();
        }
    }

    /**
     * WARN and ERROR lines counted by logger, with the first message of each ERROR logger, so that an error in the
     * service shows in the report even when every answer was a 2xx.
     */
    String warningsAndErrors() {
        Pattern line = Pattern.compile(
                "^\\S+\\s+(WARN|ERROR)\\s+\\d+\\s+---\\s+\\[[^\\]]*\\]\\s+\\[[^\\]]*\\]\\s+(\\S+)\\s+:\\s?(.*)");
        Map<String, Integer> counts = new TreeMap<>();
        Map<String, String> firstError = new TreeMap<>();
        List<String> lines = logLines(0);
        for (int i = 0; i < lines.size(); i++) {
            Matcher matcher = line.matcher(lines.get(i));
            if (matcher.find()) {
                String key = matcher.group(1) + " " + matcher.group(2);
                counts.merge(key, 1, Integer::sum);
                if (matcher.group(1).equals("ERROR") && !firstError.containsKey(key)) {
                    firstError.put(key, Format.shorten(matcher.group(3) + causeAfter(lines, i)));
                }
            }
        }
        if (counts.isEmpty()) {
            return "none";
        }
        return counts.entrySet().stream()
                .map(entry -> entry.getValue() + " x " + entry.getKey()
                        + (firstError.containsKey(entry.getKey()) ? " (first: " + firstError.get(entry.getKey()) + ")"
                        : ""))
                .collect(Collectors.joining(", "));
    }

    /** The exception a log line is followed by, if any: its first line, which names it. */
    private static String causeAfter(List<String> lines, int index) {
        for (int i = index + 1; i < Math.min(lines.size(), index + 3); i++) {
            String text = lines.get(i).trim();
            if (!text.isEmpty()) {
                return text.matches("^[\\w.$]+(Exception|Error)\\b.*") ? "; " + text : "";
            }
        }
        return "";
    }

    private List<String> tail(int lines) {
        List<String> all = logLines(0);
        return all.subList(Math.max(0, all.size() - lines), all.size());
    }
}

/** The jar's one-shot commands: {@code token}, {@code seed-history}, {@code replay}. */
final class JarCommand {

    private JarCommand() {
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /** Runs the jar to its end and answers its output; a run beyond the timeout is stopped and reported. */
    static String run(Settings settings, String name, List<String> arguments, Duration timeout) throws Exception {
        Path log = settings.work.resolve(name + ".log");
        List<String> command = new ArrayList<>(List.of(java(), "-jar", settings.jar.toString()));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).directory(settings.work.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ChildProcesses.track(process, settings.work);
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            ChildProcesses.stop(process);
            throw new TimeoutException(name + " did not finish within " + timeout.toSeconds() + " s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        if (process.exitValue() != 0) {
            List<String> lines = output.lines().toList();
            throw new IllegalStateException(name + " exited with " + process.exitValue() + ":\n"
                    + String.join("\n", lines.subList(Math.max(0, lines.size() - 20), lines.size())));
        }
        return output;
    }

    /** A local token of the default tenant's user who may read, write and audit (docs/security.md). */
    static String token(Settings settings, Path keyFile) throws Exception {
        return token(settings, keyFile, List.of());
    }

    /** A local token of the operator (the default tenant's application with the operator role): it may replay. */
    static String operatorToken(Settings settings, Path keyFile) throws Exception {
        return token(settings, keyFile, List.of("--app=7e0bc4a1-6d47-4b8e-9a53-0be5c4a1d001",
                "--app-name=bench operator",
                "--roles=BackupRestore-Operator BackupRestore-Audit.Read BackupRestore-Restore.Read.All"));
    }

    /** The token command's last line: the token, for the key file and the token options given. */
    private static String token(Settings settings, Path keyFile, List<String> options) throws Exception {
        List<String> arguments = new ArrayList<>(List.of("token",
                "--restore.security.local-tokens.key-file=" + keyFile));
        arguments.addAll(options);
        String output = run(settings, "token", arguments, Duration.ofSeconds(60));
        List<String> lines = output.lines().filter(line -> !line.isBlank()).toList();
        return lines.get(lines.size() - 1).trim();
    }

    static final class TimeoutException extends Exception {
        TimeoutException(String message) {
            super(message);
        }
    }
}

final class Ports {

    private Ports() {
    }

    static void requireFree(int port, String setting) {
        if (port <= 0) {
            return;
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 300);
        } catch (IOException nobodyListens) {
            return;
        }
        throw new IllegalStateException("Port " + port + " (" + setting + ") is taken by another program; choose"
                + " others with BENCH_HTTP_PORT, BENCH_MANAGEMENT_PORT, BENCH_POSTGRES_PORT or BENCH_REPLAY_*_PORT");
    }
}

/** PostgreSQL reached with its own tools, psql and pgbench, as user postgres on database postgres. */
final class Postgres {

    private final Settings settings;
    private final int port;

    Postgres(Settings settings, int port) {
        this.settings = settings;
        this.port = port;
    }

    void checkReachable() throws Exception {
        String version = psql("select version()").trim();
        String commits = psql("select current_setting('synchronous_commit') || ', fsync ' || current_setting('fsync')")
                .trim();
        Bench.log("PostgreSQL on port %d: %s; synchronous_commit %s", port, version, commits);
    }

    String psql(String sql) throws Exception {
        return tool(List.of("psql", "-h", "127.0.0.1", "-p", String.valueOf(port), "-U", "postgres", "-d", "postgres",
                "-v", "ON_ERROR_STOP=1", "-qAt", "-c", sql), Duration.ofSeconds(120));
    }

    /**
     * Runs a pgbench script with prepared statements for the given time. Each transaction's latency is logged
     * ({@code -l}) so that percentiles can be taken; with a rate, pgbench schedules transactions itself and the
     * logged latency starts at the scheduled time, as the service's open-loop figure does.
     */
    PgbenchResult pgbench(String name, String script, int clients, int seconds, Integer rate,
                          Map<String, String> variables) throws Exception {
        Path scriptFile = settings.work.resolve("pgbench-" + name + ".sql");
        Files.writeString(scriptFile, script);
        Path logFolder = Files.createDirectories(settings.work.resolve("pgbench-log-" + name));
        int threads = Math.max(1, Math.min(clients, Runtime.getRuntime().availableProcessors()));
        List<String> command = new ArrayList<>(List.of("pgbench", "-h", "127.0.0.1", "-p", String.valueOf(port),
                "-U", "postgres", "-n", "-M", "prepared", "-f", scriptFile.toString(), "-T", String.valueOf(seconds),
                "-c", String.valueOf(clients), "-j", String.valueOf(threads), "-l",
                "--log-prefix=" + logFolder.resolve("tx")));
        if (rate != null) {
            command.addAll(List.of("-R", String.valueOf(rate)));
        }
        variables.forEach((variable, value) -> command.addAll(List.of("-D", variable + "=" + value)));
        command.add("postgres");
        String output = tool(command, Duration.ofSeconds(seconds + 120L));
        return PgbenchResult.parse(output, transactionLatencies(logFolder));
    }

    /** pgbench's per-transaction log: client, transaction, latency in microseconds, script, epoch, microseconds. */
    private static long[] transactionLatencies(Path logFolder) throws IOException {
        List<Long> latencies = new ArrayList<>();
        try (Stream<Path> files = Files.list(logFolder)) {
            for (Path file : files.toList()) {
                for (String line : Files.readAllLines(file)) {
                    String[] fields = line.trim().split("\\s+");
                    if (fields.length >= 3 && !fields[2].equals("skipped") && !fields[2].equals("failed")) {
                        latencies.add(Long.parseLong(fields[2]) * 1_000L);
                    }
                }
            }
        }
        return latencies.stream().mapToLong(Long::longValue).toArray();
    }

    private String tool(List<String> command, Duration timeout) throws Exception {
        Process process = new ProcessBuilder(command).directory(settings.work.toFile())
                .redirectErrorStream(true).start();
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException unreadable) {
                throw new UncheckedIOException(unreadable);
            }
        });
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(command.get(0) + " did not finish within " + timeout.toSeconds() + " s");
        }
        String text = output.get(10, TimeUnit.SECONDS);
        if (process.exitValue() != 0) {
            throw new IllegalStateException(command.get(0) + " failed (" + process.exitValue() + "): " + text.trim());
        }
        return text;
    }
}

/** What pgbench printed at the end, and each transaction's latency from its log. */
record PgbenchResult(double transactionsPerSecond, double meanLatencyMillis, long transactions, long failed,
                     Latencies latencies) {

    static PgbenchResult parse(String output, long[] latencyNanos) {
        return new PgbenchResult(
                number(output, "tps = ([\\d.]+)"),
                number(output, "latency average = ([\\d.]+) ms"),
                (long) number(output, "number of transactions actually processed: (\\d+)"),
                output.contains("number of failed transactions")
                        ? (long) number(output, "number of failed transactions: (\\d+)") : 0,
                Latencies.of(latencyNanos));
    }

    private static double number(String output, String pattern) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        if (!matcher.find()) {
            throw new IllegalStateException("pgbench printed no '" + pattern + "':\n" + output);
        }
        return Double.parseDouble(matcher.group(1));
    }
}

/**
 * PostgreSQL's own figures on the server the service uses, each measured once when first needed and kept for the
 * report. The scratch table is shaped like an event row (a serial key, a 36-character stream id, a sequence number,
 * 700 bytes of payload, unique on stream and sequence), created for each run and dropped after it.
 */
final class PostgresLimits {

    static final String SCRATCH_SHAPE = "pgbench's inserts go to a scratch table shaped like an event row (a"
            + " bigserial key, a 36-character stream id, a sequence number, 700 bytes of bytea, unique on stream and"
            + " sequence), created before each pgbench run and dropped after it.";
    private static final String SCRATCH = "bench_scratch";
    private static final String SCRATCH_TABLE = "create table " + SCRATCH + " (id bigserial primary key,"
            + " stream varchar(255) not null, seq bigint not null, payload bytea not null, unique (stream, seq))";
    private static final String SINGLE_ROW = "insert into " + SCRATCH + " (stream, seq, payload)"
            + " values (gen_random_uuid()::text, 0, convert_to(repeat('x', 700), 'UTF8'));\n";
    static final int ROWS_PER_BATCH = 100;
    // A hundred rows sent by the client in one statement and one commit: what a batched insert of pgJDBC sends (the
    // driver rewrites a batch into multi-row VALUES), not rows PostgreSQL makes up itself.
    private static final String HUNDRED_ROWS = "insert into " + SCRATCH + " (stream, seq, payload) values "
            + java.util.stream.IntStream.rangeClosed(1, ROWS_PER_BATCH)
            .mapToObj(row -> "(:stream, " + row + ", '\\x" + "78".repeat(700) + "'::bytea)")
            .collect(java.util.stream.Collectors.joining(", "))
            + ";\n";

    // The statement of the service's GET of one session with $expand=mailboxRestoreArtifacts, as the service sends
    // it (query-api RestoreSessionQueries, RestoreSessionRows): one statement, no transaction around it.
    private static final String SESSION_READ = """
            select s.id, s.tenant_id, s.version, s.status, s.restore_job_type, s.created_by_user_id,
              s.created_by_user_name, s.created_by_application_id, s.created_by_application_name, s.created_date_time,
              s.last_modified_by_user_id, s.last_modified_by_user_name, s.last_modified_by_application_id,
              s.last_modified_by_application_name, s.last_modified_date_time, s.completed_date_time, s.error_code,
              s.error_message, s.error_target, s.artifacts_total, s.artifacts_completed, s.artifacts_failed,
              s.artifacts_in_progress,
              a.session_id, a.id, a.restore_point_id, a.restore_point_expiration_date_time, a.destination_type,
              a.status, a.created_date_time, a.start_date_time, a.completion_date_time, a.error_code, a.error_message,
              a.error_target, a.restored_folder_id, a.restored_folder_name, a.restored_item_count,
              a.search_response_id,
              (select rp.protection_date_time from restore_point rp
               where rp.tenant_id = s.tenant_id and rp.id = a.restore_point_id)
              from restore_session s
              left join mailbox_restore_artifact a on a.session_id = s.id
              where s.tenant_id = :tenant and s.id = :session order by a.added_sequence;
            """;
    // The least any past state must do: read the session's events in order (Axon's JDBC event store columns).
    private static final String EVENT_STREAM_READ = """
            select global_index, type, aggregate_identifier, sequence_number, event_identifier, time_stamp,
              payload_type, payload_revision, payload, meta_data
              from domain_event_entry where aggregate_identifier = :session order by sequence_number;
            """;

    private final Settings settings;
    private final Postgres postgres;
    private final Map<String, PgbenchResult> measured = new LinkedHashMap<>();
    private final Map<String, String> descriptions = new LinkedHashMap<>();

    PostgresLimits(Settings settings, Postgres postgres) {
        this.settings = settings;
        this.postgres = postgres;
    }

    PgbenchResult singleRowCommits(int clients) throws Exception {
        return scratch("single-row-" + clients, SINGLE_ROW, clients,
                "single-row INSERT + commit, " + clients + (clients == 1 ? " client" : " clients"));
    }

    PgbenchResult hundredRowInserts() throws Exception {
        return scratch("hundred-rows", "\\set stream random(1, 1000000000)\n" + HUNDRED_ROWS, 2,
                "100-row INSERT ... VALUES, rows sent by the client (one statement, one commit), 2 clients");
    }

    PgbenchResult sessionReads(String session, int clients, Integer rate) throws Exception {
        String name = "session-read-" + clients + (rate == null ? "" : "-at-" + rate);
        int seconds = rate == null ? settings.pgbenchSeconds : settings.fixedRateSeconds;
        return remembered(name, rate == null
                        ? "the GET's SELECT, " + clients + " clients"
                        : "the GET's SELECT at " + rate + " tx/s (pgbench -R), " + clients + " clients",
                seconds, () -> postgres.pgbench(name, SESSION_READ, clients, seconds, rate,
                        Map.of("tenant", Catalog.TENANT, "session", session)));
    }

    PgbenchResult eventStreamRead(String session, int events) throws Exception {
        int seconds = Math.min(5, settings.pgbenchSeconds);
        return remembered("event-stream-read", "SELECT of one session's " + events + " events in order, 1 client",
                seconds, () -> postgres.pgbench("event-stream-read", EVENT_STREAM_READ, 1, seconds, null,
                        Map.of("session", session)));
    }

    /** Every figure taken, for the report's PostgreSQL section. */
    List<String> figures() {
        List<String> lines = new ArrayList<>();
        measured.forEach((name, result) -> lines.add(String.format(Locale.ROOT,
                "%s: %,.0f tx/s, mean %.3f ms, p50 %s, p99 %s (%,d transactions, %d failed)",
                descriptions.get(name), result.transactionsPerSecond(), result.meanLatencyMillis(),
                Format.millis(result.latencies().p50()), Format.millis(result.latencies().p99()),
                result.transactions(), result.failed())));
        return lines;
    }

    private PgbenchResult scratch(String name, String script, int clients, String description) throws Exception {
        return remembered(name, description, settings.pgbenchSeconds, () -> {
            postgres.psql("drop table if exists " + SCRATCH + "; " + SCRATCH_TABLE);
            try {
                return postgres.pgbench(name, script, clients, settings.pgbenchSeconds, null, Map.of());
            } finally {
                postgres.psql("drop table if exists " + SCRATCH);
            }
        });
    }

    private PgbenchResult remembered(String name, String description, int seconds, Measurement measurement)
            throws Exception {
        PgbenchResult result = measured.get(name);
        if (result == null) {
            Bench.log("PostgreSQL alone: %s, for %d s", description, seconds);
            result = measurement.run();
            measured.put(name, result);
            descriptions.put(name, description);
        }
        return result;
    }

    interface Measurement {
        PgbenchResult run() throws Exception;
    }
}

final class Http {

    private Http() {
    }

    static HttpClient client() {
        // HTTP/1.1 as wrk and Graph clients speak it to this service; no h2c upgrade attempts.
        return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(10)).build();
    }
}

/** One answer of the service: its status (-1 when none came), body, headers and how long it took. */
record Answer(int status, String body, HttpHeaders headers, long nanos) {

    private static final Pattern ETAG = Pattern.compile("\"@odata\\.etag\":\"W/\\\\\"(\\d+)\\\\\"\"");
    private static final Pattern STATUS = Pattern.compile("\"status\":\"([A-Za-z]+)\"");
    private static final Pattern ITEM_FAILURE =
            Pattern.compile("\"@Core\\.DataModificationException\":\\{\"info\":\\{\"code\":\"([^\"]*)\"");

    boolean ok() {
        return status >= 200 && status < 300;
    }

    String sessionIdFromLocation() {
        String location = headers.firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("a created session without a Location header"));
        return location.substring(location.lastIndexOf('/') + 1);
    }

    long version() {
        Matcher matcher = ETAG.matcher(body);
        if (!matcher.find()) {
            throw new IllegalStateException("no @odata.etag in " + Format.shorten(body));
        }
        return Long.parseLong(matcher.group(1));
    }

    /** The session's own status: the first in its JSON, before any artifact's. */
    String sessionStatus() {
        Matcher matcher = STATUS.matcher(body);
        return matcher.find() ? matcher.group(1) : "none";
    }

    int artifactCount(String which) {
        Matcher matcher = Pattern.compile("\"restoreSessionArtifactCount\":\\{[^}]*\"" + which + "\":(\\d+)")
                .matcher(body);
        return matcher.find() ? Integer.parseInt(matcher.group(1)) : -1;
    }

    /** The Graph codes of the PATCH items that failed (the answer is 200 even when some did). */
    List<String> failedItemCodes() {
        List<String> codes = new ArrayList<>();
        Matcher matcher = ITEM_FAILURE.matcher(body);
        while (matcher.find()) {
            codes.add(matcher.group(1));
        }
        return codes;
    }

    /** How many details of the answer's error name this code (a bulk request's unresolved mailboxes). */
    int errorDetails(String code) {
        Matcher matcher = Pattern.compile("\\{\"code\":\"" + Pattern.quote(code) + "\"").matcher(body);
        int count = 0;
        while (matcher.find()) {
            count++;
        }
        return count;
    }

    String errorCode() {
        Matcher matcher = Pattern.compile("\"code\":\"([^\"]*)\"").matcher(body);
        return matcher.find() ? matcher.group(1) : "";
    }
}

/** Counts what went wrong in one measurement: non-2xx answers, no answer at all, failed PATCH items. */
final class Tally {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String what) {
        counts.computeIfAbsent(what, key -> new LongAdder()).increment();
    }

    void count(String what, long times) {
        counts.computeIfAbsent(what, key -> new LongAdder()).add(times);
    }

    boolean isEmpty() {
        return counts.isEmpty();
    }

    @Override
    public String toString() {
        return counts.isEmpty() ? "none" : new TreeMap<>(counts).entrySet().stream()
                .map(entry -> String.format(Locale.ROOT, "%,d x %s", entry.getValue().sum(), entry.getKey()))
                .collect(Collectors.joining(", "));
    }
}

/** The service's Graph paths as the benchmark uses them, every request with the bearer token. */
/**
 * Drives the paths the figures measure (create, PATCH of 50 adds, GET with and without $expand) from two clients for a
 * while before the first figure: a service in production runs warm, and on 2 cores the JIT needs about a minute of
 * this load to compile them (measured: a PATCH's p50 falls from 55 ms over its first 100 to 11 ms after 1,000).
 */
final class WarmUp {

    private final Settings settings;
    private final GraphApi api;
    private final Report report;

    WarmUp(Settings settings, GraphApi api, Report report) {
        this.settings = settings;
        this.api = api;
        this.report = report;
    }

    void run() throws Exception {
        Bench.log("Warm-up: 2 clients, create + PATCH of %d adds + GETs, for %d s", settings.itemsPerPatch,
                settings.serviceWarmupSeconds);
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(settings.serviceWarmupSeconds);
        LongAdder rounds = new LongAdder();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < 2; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < until) {
                    Answer created = api.createDraft();
                    if (!created.ok()) {
                        continue;
                    }
                    String sessionId = created.sessionIdFromLocation();
                    api.addArtifacts(sessionId, 0, settings.itemsPerPatch);
                    api.session(sessionId, true);
                    api.session(sessionId, false);
                    rounds.increment();
                }
            }, "warm-up-" + c);
            clients.add(client);
            client.start();
        }
        for (Thread client : clients) {
            client.join();
        }
        // The compiler's queue drains while nothing runs.
        Thread.sleep(TimeUnit.SECONDS.toMillis(settings.settleSeconds));
        report.note(String.format(Locale.ROOT, "Warm-up before the first figure: %,d rounds of create + PATCH of %d"
                + " adds + 2 GETs from 2 clients in %d s (the service runs warm, as in production)", rounds.sum(),
                settings.itemsPerPatch, settings.serviceWarmupSeconds));
    }
}

final class GraphApi {

    private static final String SESSIONS = "/beta/solutions/backupRestore/exchangeRestoreSessions";
    private static final String ACTIVATE = "/beta/solutions/backupRestore/restoreSessions/%s/activate";
    private static final String BULK_REQUESTS = "/mailboxRestoreArtifactsBulkAdditionRequests";
    private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(120);

    private final HttpClient http;
    private final String base;
    private final String management;
    private final String token;
    private final Tally tally;

    GraphApi(HttpClient http, String base, String management, String token) {
        this(http, base, management, token, new Tally());
    }

    private GraphApi(HttpClient http, String base, String management, String token, Tally tally) {
        this.http = http;
        this.base = base;
        this.management = management;
        this.token = token;
        this.tally = tally;
    }

    /** The same service, counting what goes wrong into a tally of one measurement. */
    GraphApi counting(Tally into) {
        return new GraphApi(http, base, management, token, into);
    }

    HttpClient http() {
        return http;
    }

    Answer createDraft() {
        return send("create", post(SESSIONS, "{}"), 201);
    }

    Answer createWithArtifacts(int firstMailbox, int count) {
        return send("create", post(SESSIONS, "{\"mailboxRestoreArtifacts\":" + artifacts(firstMailbox, count) + "}"),
                201);
    }

    /** A delta PATCH adding the restore points of mailboxes firstMailbox .. firstMailbox + count - 1. */
    Answer addArtifacts(String sessionId, int firstMailbox, int count) {
        HttpRequest.Builder request = authorized(SESSIONS + "/" + sessionId)
                .header("Content-Type", "application/json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(
                        "{\"mailboxRestoreArtifacts@delta\":" + artifacts(firstMailbox, count) + "}"));
        Answer answer = send("PATCH", request, 200);
        if (answer.ok()) {
            answer.failedItemCodes().forEach(code -> tally.count("PATCH item failed " + code));
        }
        return answer;
    }

    Answer activate(String sessionId) {
        return send("activate", post(String.format(ACTIVATE, sessionId), ""), 200);
    }

    Answer createBulkRequest(String sessionId, String body) {
        return send("create bulk request", post(SESSIONS + "/" + sessionId + BULK_REQUESTS, body), 201);
    }

    Answer bulkRequest(String sessionId, String requestId) {
        return send("GET bulk request", authorized(SESSIONS + "/" + sessionId + BULK_REQUESTS + "/" + requestId)
                .GET(), 200);
    }

    Answer session(String sessionId, boolean expand) {
        return send("GET session", sessionRequest(sessionId, expand), 200);
    }

    HttpRequest.Builder sessionRequest(String sessionId, boolean expand) {
        return authorized(SESSIONS + "/" + sessionId + (expand ? "?$expand=mailboxRestoreArtifacts" : ""))
                .header("Prefer", "include-unknown-enum-members").GET();
    }

    Answer pastState(String sessionId, String option) {
        return send("GET past state", authorized("/audit/restoreSessions/" + sessionId + "?" + option).GET(), 200);
    }

    Optional<String> prometheus() {
        Answer answer = send("GET prometheus", HttpRequest.newBuilder(URI.create(management + "/actuator/prometheus"))
                .timeout(REQUEST_TIMEOUT).GET(), 200);
        return answer.ok() ? Optional.of(answer.body()) : Optional.empty();
    }

    /** Sends and times a request; any other status than the expected one is counted, a missing answer too. */
    Answer send(String what, HttpRequest.Builder request, int expected) {
        long start = System.nanoTime();
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            Answer answer = new Answer(response.statusCode(), response.body(), response.headers(),
                    System.nanoTime() - start);
            if (answer.status() != expected) {
                String code = answer.errorCode();
                tally.count(what + " " + answer.status() + (code.isEmpty() ? "" : " " + code)
                        + (answer.status() == 202 ? " (the read side did not show the write in time)" : ""));
            }
            return answer;
        } catch (IOException failed) {
            tally.count(what + ": no answer (" + failed.getClass().getSimpleName() + ")");
            return new Answer(-1, String.valueOf(failed.getMessage()), HttpHeaders.of(Map.of(), (a, b) -> true),
                    System.nanoTime() - start);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", interrupted);
        }
    }

    private HttpRequest.Builder post(String path, String body) {
        return authorized(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpRequest.Builder authorized(String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).timeout(REQUEST_TIMEOUT)
                .header("Authorization", "Bearer " + token);
    }

    private static String artifacts(int firstMailbox, int count) {
        return java.util.stream.IntStream.range(firstMailbox, firstMailbox + count)
                .mapToObj(i -> "{\"restorePoint\":{\"@odata.id\":\"" + Catalog.restorePointId(i) + "\"},"
                        + "\"destinationType\":\"inPlace\"}")
                .collect(Collectors.joining(",", "[", "]"));
    }
}

/** Sorted latencies in nanoseconds; percentiles by nearest rank. */
record Latencies(long[] sorted) {

    static Latencies of(long[] nanos) {
        long[] copy = nanos.clone();
        Arrays.sort(copy);
        return new Latencies(copy);
    }

    static Latencies of(List<Long> nanos) {
        return of(nanos.stream().mapToLong(Long::longValue).toArray());
    }

    int count() {
        return sorted.length;
    }

    long percentile(double fraction) {
        if (sorted.length == 0) {
            return -1;
        }
        int rank = (int) Math.ceil(fraction * sorted.length);
        return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    long p50() {
        return percentile(0.50);
    }

    long p99() {
        return percentile(0.99);
    }

    long max() {
        return sorted.length == 0 ? -1 : sorted[sorted.length - 1];
    }

    String summary() {
        return "p50 " + Format.millis(p50()) + ", p99 " + Format.millis(p99()) + ", max " + Format.millis(max());
    }
}

/** A session built with PATCHes of 50 adds, each PATCH timed; unfinished when its time ran out. */
record SessionBuild(String sessionId, int artifacts, List<Long> patchNanos, boolean finished) {

    /** Creates an empty draft (not timed) and PATCHes it to the given size, at most until the deadline. */
    static SessionBuild build(GraphApi api, int artifacts, int itemsPerPatch, long deadlineNanos) {
        Answer created = api.createDraft();
        if (!created.ok()) {
            throw new IllegalStateException("could not create a draft: " + created.status() + " "
                    + Format.shorten(created.body()));
        }
        String sessionId = created.sessionIdFromLocation();
        List<Long> patches = new ArrayList<>();
        int added = 0;
        int nextMailbox = 0;
        while (added < artifacts && System.nanoTime() < deadlineNanos) {
            int count = Math.min(itemsPerPatch, artifacts - added);
            Answer patched = api.addArtifacts(sessionId, nextMailbox, count);
            if (!patched.ok()) {
                throw new IllegalStateException("PATCH " + (patches.size() + 1) + " of session " + sessionId
                        + " answered " + patched.status() + " " + Format.shorten(patched.body()));
            }
            patches.add(patched.nanos());
            nextMailbox += count;
            int failed = patched.failedItemCodes().size();
            added += count - failed;
            if (failed == count) {
                break; // nothing more can be added (the tally says why): unfinished, not an endless loop
            }
        }
        return new SessionBuild(sessionId, added, patches, added >= artifacts);
    }
}

/** A session that reached a terminal status, with its last version (for the past-state reads). */
record CompletedSession(String sessionId, int artifacts, long version) {
}

/**
 * The write path (issue "Writes whose cost does not grow with the session"): a PATCH of 50 adds against 50 commits,
 * the write throughput against PostgreSQL's commits per second, and whether a PATCH costs more as its session grows.
 */
final class WritePhase {

    private final Settings settings;
    private final GraphApi api;
    private final PostgresLimits limits;
    private final Report report;
    private SessionBuild thousandArtifactDraft;

    WritePhase(Settings settings, GraphApi api, PostgresLimits limits, Report report) {
        this.settings = settings;
        this.api = api;
        this.limits = limits;
        this.report = report;
    }

    void run() throws Exception {
        report.attempt("4a PATCH of 50 adds on a fresh draft", this::patchOnFreshDraft);
        report.attempt("4b create + PATCH of 50 adds", this::writeLoad);
        report.attempt("4c PATCH on a growing session", this::patchOnGrowingSession);
    }

    /** A draft of 1,000 artifacts left by the growth measurement, for the restore phase to activate. */
    Optional<SessionBuild> thousandArtifactDraft() {
        return Optional.ofNullable(thousandArtifactDraft).filter(build -> build.artifacts() == settings.mediumSession);
    }

    private void patchOnFreshDraft() throws Exception {
        PgbenchResult commit = limits.singleRowCommits(1);
        Tally tally = new Tally();
        GraphApi counted = api.counting(tally);
        Bench.log("4a: %d PATCHes of %d adds, each on a new empty draft (create not timed), after %d warm-up",
                settings.patchCount, settings.itemsPerPatch, settings.patchWarmup);
        long deadline = System.nanoTime() + settings.phaseTimeout.toNanos();
        List<Long> timed = new ArrayList<>();
        for (int i = 0; i < settings.patchWarmup + settings.patchCount && System.nanoTime() < deadline; i++) {
            Answer created = counted.createDraft();
            if (!created.ok()) {
                continue;
            }
            Answer patched = counted.addArtifacts(created.sessionIdFromLocation(), 0, settings.itemsPerPatch);
            if (i >= settings.patchWarmup && patched.ok()) {
                timed.add(patched.nanos());
            }
        }
        Latencies latencies = Latencies.of(timed);
        double fiftyCommits = settings.itemsPerPatch * commit.meanLatencyMillis();
        String shortfall = timed.size() < settings.patchCount
                ? " (only " + timed.size() + " of " + settings.patchCount + " within "
                + settings.phaseTimeout.toSeconds() + " s)" : "";
        report.row(new Row("4a PATCH of 50 adds, fresh draft, 1 client",
                latencies.summary() + " over " + timed.size() + shortfall,
                String.format(Locale.ROOT, "50 x 1-client commit latency = %.1f ms", fiftyCommits),
                Format.ratio(latencies.p50() / 1e6 / fiftyCommits) + " (p50)", "p50 <= 20 ms, p99 <= 60 ms",
                Verdict.of(!timed.isEmpty() && latencies.p50() <= 20e6 && latencies.p99() <= 60e6)), tally);
    }

    private void writeLoad() throws Exception {
        PgbenchResult commits = limits.singleRowCommits(settings.writeClients);
        Tally tally = new Tally();
        GraphApi counted = api.counting(tally);
        Bench.log("4b: %d clients looping create + PATCH of %d adds, %d s warm-up then %d s measured",
                settings.writeClients, settings.itemsPerPatch, settings.warmupSeconds, settings.writeLoadSeconds);
        long start = System.nanoTime();
        long measureFrom = start + TimeUnit.SECONDS.toNanos(settings.warmupSeconds);
        long measureUntil = measureFrom + TimeUnit.SECONDS.toNanos(settings.writeLoadSeconds);
        LongAdder itemsAdded = new LongAdder();
        LongAdder patches = new LongAdder();
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < settings.writeClients; c++) {
            Thread client = new Thread(() -> {
                while (System.nanoTime() < measureUntil) {
                    Answer created = counted.createDraft();
                    if (!created.ok()) {
                        continue;
                    }
                    Answer patched = counted.addArtifacts(created.sessionIdFromLocation(), 0, settings.itemsPerPatch);
                    long done = System.nanoTime();
                    if (patched.ok() && done >= measureFrom && done < measureUntil) {
                        itemsAdded.add(settings.itemsPerPatch - patched.failedItemCodes().size());
                        patches.increment();
                    }
                }
            }, "write-client-" + c);
            clients.add(client);
            client.start();
        }
        LockSupport.parkNanos(measureFrom - System.nanoTime());
        Optional<String> before = api.prometheus();
        for (Thread client : clients) {
            client.join();
        }
        Optional<String> after = api.prometheus();
        double itemsPerSecond = itemsAdded.sum() / (double) settings.writeLoadSeconds;
        double ratio = itemsPerSecond / commits.transactionsPerSecond();
        report.row(new Row("4b create + PATCH of 50 adds, " + settings.writeClients + " clients, delta items/s",
                String.format(Locale.ROOT, "%,.0f items/s (%,d PATCHes in %d s)", itemsPerSecond, patches.sum(),
                        settings.writeLoadSeconds),
                String.format(Locale.ROOT, "%,.0f commits/s (%d clients)", commits.transactionsPerSecond(),
                        settings.writeClients),
                Format.percent(ratio), ">= 40%", Verdict.of(ratio >= 0.40)), tally);
        readYourWritesWait(before, after);
    }

    /** 5d: the wait of each write for the read side, from the service's histogram, over the 4b run. */
    private void readYourWritesWait(Optional<String> before, Optional<String> after) throws Exception {
        String figure = "5d read-your-writes wait under 4b's load, p99";
        PgbenchResult commit = limits.singleRowCommits(1);
        String limit = String.format(Locale.ROOT, "1-client commit latency %.2f ms", commit.meanLatencyMillis());
        Optional<PrometheusHistogram.Delta> delta = before.flatMap(first -> after.flatMap(second ->
                PrometheusHistogram.delta(PrometheusHistogram.READ_MODEL_WAIT, first, second)));
        if (delta.isEmpty()) {
            report.row(new Row(figure, "n/a (metric not exposed)", limit, "n/a", "<= 5 ms", Verdict.NOT_MEASURED),
                    null);
            return;
        }
        PrometheusHistogram.Delta waits = delta.get();
        if (!waits.hasBuckets()) {
            report.row(new Row(figure, String.format(Locale.ROOT, "n/a (no histogram buckets; mean %s over %,.0f)",
                    Format.millis((long) (waits.meanSeconds() * 1e9)), waits.count()), limit, "n/a", "<= 5 ms",
                    Verdict.NOT_MEASURED), null);
            return;
        }
        PrometheusHistogram.Quantile p99 = waits.quantile(0.99);
        double p99Millis = p99.seconds() * 1000;
        report.row(new Row(figure, (p99.beyondLastBucket() ? "> " : "") + Format.millis((long) (p99.seconds() * 1e9))
                + String.format(Locale.ROOT, " (%,.0f waits, mean %s; interpolated in buckets)", waits.count(),
                Format.millis((long) (waits.meanSeconds() * 1e9))),
                limit, Format.ratio(p99Millis / commit.meanLatencyMillis()), "<= 5 ms",
                Verdict.of(!p99.beyondLastBucket() && p99Millis <= 5.0)), null);
    }

    /** Between two sessions of 4c: well past the service's snapshot, begun 100 ms after the answer that asked for it. */
    private static final Duration BACKGROUND_SNAPSHOT_PAUSE = Duration.ofMillis(500);

    private void patchOnGrowingSession() throws Exception {
        PgbenchResult commit = limits.singleRowCommits(1);
        int patchesPerSession = settings.mediumSession / settings.itemsPerPatch;
        int middle = patchesPerSession / 2;
        Tally tally = new Tally();
        GraphApi counted = api.counting(tally);
        List<List<Long>> sessions = new ArrayList<>();
        List<String> unfinished = new ArrayList<>();
        for (int s = 0; s < settings.growthSessions; s++) {
            if (s > 0) {
                // The session just built crossed the snapshot threshold with its last PATCH: its snapshot is written
                // in the background a moment after that answer, and must not be counted in the next 1st PATCH.
                Thread.sleep(BACKGROUND_SNAPSHOT_PAUSE.toMillis());
            }
            Bench.log("4c: session %d of %d, %d PATCHes of %d adds", s + 1, settings.growthSessions,
                    patchesPerSession, settings.itemsPerPatch);
            SessionBuild build = SessionBuild.build(counted, settings.mediumSession, settings.itemsPerPatch,
                    System.nanoTime() + settings.sessionTimeout.toNanos());
            if (build.finished()) {
                sessions.add(build.patchNanos());
                thousandArtifactDraft = build;
                Bench.log("4c: session %d, each PATCH in ms: %s", s + 1, build.patchNanos().stream()
                        .map(nanos -> String.format(Locale.ROOT, "%.1f", nanos / 1e6))
                        .collect(Collectors.joining(" ")));
            } else {
                unfinished.add(build.artifacts() + " artifacts after " + build.patchNanos().size() + " PATCHes");
            }
        }
        String figure = "4c PATCH growth to " + Format.count(settings.mediumSession) + " artifacts, 1 client";
        if (sessions.isEmpty()) {
            report.row(new Row(figure, "did not finish within " + settings.sessionTimeout.toSeconds()
                    + " s per session (" + String.join("; ", unfinished) + ")", "", "n/a", "20th / 1st <= 1.5",
                    Verdict.FAIL), tally);
            return;
        }
        long first = medianAt(sessions, 0);
        long tenth = medianAt(sessions, middle - 1);
        long last = medianAt(sessions, patchesPerSession - 1);
        double growth = (double) last / first;
        double fiftyCommits = settings.itemsPerPatch * commit.meanLatencyMillis();
        report.row(new Row(figure,
                String.format(Locale.ROOT, "1st %s, %s %s, %s %s (medians of %d sessions)", Format.millis(first),
                        Format.ordinal(middle), Format.millis(tenth), Format.ordinal(patchesPerSession),
                        Format.millis(last), sessions.size())
                        + (unfinished.isEmpty() ? "" : "; unfinished: " + String.join("; ", unfinished)),
                String.format(Locale.ROOT, "1st PATCH; 50 x commit = %.1f ms", fiftyCommits),
                String.format(Locale.ROOT, "%s (%s vs 50 commits: %s)", Format.ratio(growth),
                        Format.ordinal(patchesPerSession), Format.ratio(last / 1e6 / fiftyCommits)),
                Format.ordinal(patchesPerSession) + " / 1st <= 1.5", Verdict.of(growth <= 1.5 && unfinished.isEmpty())), tally);
    }

    private static long medianAt(List<List<Long>> sessions, int position) {
        List<Long> values = sessions.stream().map(patches -> patches.get(position)).sorted().toList();
        return values.get(values.size() / 2);
    }
}

/** Activation to completion of a session of n artifacts (issue "Writes whose cost does not grow with the session"). */
final class RestorePhase {

    private static final List<String> TERMINAL = List.of("completed", "completedWithError", "failed",
            "unknownFutureValue");

    private final Settings settings;
    private final GraphApi api;
    private final PostgresLimits limits;
    private final Report report;

    RestorePhase(Settings settings, GraphApi api, PostgresLimits limits, Report report) {
        this.settings = settings;
        this.api = api;
        this.limits = limits;
        this.report = report;
    }

    /**
     * Builds (or takes) a draft of n artifacts, activates it and waits for a terminal status; reported as 4d when
     * asked, else only prepared for the past-state reads.
     */
    Optional<CompletedSession> runToCompletion(int artifacts, Optional<SessionBuild> draft, boolean reported) {
        String figure = "4d activate -> terminal, " + Format.count(artifacts) + " artifacts";
        Tally tally = new Tally();
        GraphApi counted = api.counting(tally);
        // The issue sets a time for 1,000 and for 10,000 artifacts only; other sizes are shown for information.
        Double acceptanceSeconds = artifacts == 1_000 ? Double.valueOf(5) : artifacts == 10_000 ? Double.valueOf(40)
                : null;
        String acceptance = acceptanceSeconds == null ? "none set"
                : String.format(Locale.ROOT, "<= %.0f s", acceptanceSeconds);
        try {
            PgbenchResult commits = limits.singleRowCommits(settings.writeClients);
            Duration bound = settings.restorerBound(artifacts);
            String limit = String.format(Locale.ROOT, "n x %d ms / %d = %s (PostgreSQL, 1 commit per artifact at"
                            + " %,.0f/s: %s)", settings.restoreMillis, settings.parallelRestores,
                    Format.seconds(bound.toNanos()), commits.transactionsPerSecond(),
                    Format.seconds((long) (artifacts / commits.transactionsPerSecond() * 1e9)));
            SessionBuild build;
            if (draft.isPresent()) {
                build = draft.get();
                Bench.log("4d: activating the %,d-artifact draft left by 4c", artifacts);
            } else {
                Bench.log("4d: building a session of %,d artifacts with PATCHes of %d", artifacts,
                        settings.itemsPerPatch);
                long started = System.nanoTime();
                build = SessionBuild.build(counted, artifacts, settings.itemsPerPatch,
                        started + settings.sessionTimeout.toNanos());
                Bench.log("4d: built %,d artifacts in %d PATCHes, %s", build.artifacts(), build.patchNanos().size(),
                        Format.seconds(System.nanoTime() - started));
                if (!build.finished()) {
                    if (reported) {
                        report.row(new Row(figure, String.format(Locale.ROOT, "not measured: building it did not"
                                        + " finish within %d s (%,d artifacts after %d PATCHes, the last took %s)",
                                settings.sessionTimeout.toSeconds(), build.artifacts(), build.patchNanos().size(),
                                Format.millis(build.patchNanos().get(build.patchNanos().size() - 1))),
                                limit, "n/a", acceptance, Verdict.FAIL), tally);
                    }
                    return Optional.empty();
                }
            }
            long start = System.nanoTime();
            Answer activated = counted.activate(build.sessionId());
            if (!activated.ok()) {
                if (reported) {
                    report.row(new Row(figure, "activation refused: " + activated.status() + " "
                            + activated.errorCode(), limit, "n/a", acceptance, Verdict.FAIL), tally);
                }
                return Optional.empty();
            }
            long deadline = start + settings.sessionTimeout.toNanos();
            Answer last = activated;
            while (!TERMINAL.contains(last.sessionStatus()) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                Answer polled = counted.session(build.sessionId(), false);
                if (polled.ok()) {
                    last = polled;
                }
            }
            long elapsed = System.nanoTime() - start;
            String counts = String.format(Locale.ROOT, "total %d, completed %d, failed %d, inProgress %d",
                    last.artifactCount("total"), last.artifactCount("completed"), last.artifactCount("failed"),
                    last.artifactCount("inProgress"));
            if (!TERMINAL.contains(last.sessionStatus())) {
                if (reported) {
                    report.row(new Row(figure, "did not finish within " + settings.sessionTimeout.toSeconds()
                            + " s (still " + last.sessionStatus() + ": " + counts + ")", limit, "n/a", acceptance,
                            Verdict.FAIL), tally);
                    report.note("The " + Format.count(artifacts) + "-artifact session " + build.sessionId()
                            + " was still restoring when the benchmark went on: later figures of this run share the"
                            + " machine with it.");
                }
                return Optional.empty();
            }
            boolean allRestored = last.artifactCount("total") == artifacts
                    && last.artifactCount("completed") == artifacts;
            if (reported) {
                double seconds = elapsed / 1e9;
                report.row(new Row(figure, Format.seconds(elapsed) + ", " + last.sessionStatus() + " (" + counts + ")",
                        limit, Format.ratio(elapsed / (double) bound.toNanos()) + " of the restorer's bound",
                        acceptance, acceptanceSeconds == null ? Verdict.INFO
                        : Verdict.of(seconds <= acceptanceSeconds && allRestored)), tally);
            }
            return Optional.of(new CompletedSession(build.sessionId(), artifacts, last.version()));
        } catch (Exception failed) {
            if (reported) {
                report.row(new Row(figure, "error: " + failed.getMessage(), "", "n/a", acceptance, Verdict.FAIL),
                        tally);
            }
            return Optional.empty();
        }
    }

    /**
     * 4e: a bulk addition request of n mailboxes (the catalog's first ones by email, and some no catalog knows) on
     * one empty session, timed from its POST, then from activation to a terminal status; judged by the issue "the
     * rest of Graph's Exchange restore": created in at most 2 s, activated to completed in at most 60 s, every
     * resolved mailbox an artifact and every unknown one in the request's error.details.
     */
    void runBulkRequest() {
        int mailboxes = settings.bulkMailboxes;
        int unknown = settings.bulkUnknown;
        int resolvable = mailboxes - unknown;
        String figure = "4e bulk request of " + Format.count(mailboxes) + " mailboxes";
        Tally tally = new Tally();
        GraphApi counted = api.counting(tally);
        try {
            PgbenchResult commits = limits.singleRowCommits(settings.writeClients);
            Answer draft = counted.createDraft();
            if (!draft.ok()) {
                report.row(new Row(figure + ", create", "the empty session was refused: " + draft.status(), "",
                        "n/a", "<= 2 s", Verdict.FAIL), tally);
                return;
            }
            String session = draft.sessionIdFromLocation();
            StringBuilder emails = new StringBuilder();
            for (int i = 0; i < mailboxes; i++) {
                String email = i < resolvable
                        ? String.format(Locale.ROOT, "bench.mailbox.%05d@contoso.com", i)
                        : String.format(Locale.ROOT, "bench.unknown.%05d@contoso.com", i);
                emails.append(i == 0 ? "" : ",").append('"').append(email).append('"');
            }
            String body = "{\"displayName\":\"Bench\",\"mailboxes\":[" + emails + "],"
                    + "\"protectionTimePeriod\":{\"startDateTime\":\"2000-01-01T00:00:00Z\","
                    + "\"endDateTime\":\"2100-01-01T00:00:00Z\"},\"destinationType\":\"inPlace\"}";
            Bench.log("4e: a bulk request of %,d mailboxes (%,d of them unknown) on session %s", mailboxes, unknown,
                    session);
            Answer created = counted.createBulkRequest(session, body);
            String oneCommit = String.format(Locale.ROOT, "1 command, 1 event, 1 commit (PostgreSQL's single-row"
                    + " commit: %s at %,.0f/s)", Format.millis((long) (1e9 / commits.transactionsPerSecond())),
                    commits.transactionsPerSecond());
            boolean createdInTime = created.status() == 201 && created.nanos() <= TimeUnit.SECONDS.toNanos(2);
            report.row(new Row(figure + ", create", Format.seconds(created.nanos()) + " (" + created.status() + ")",
                    oneCommit, "n/a", "<= 2 s", Verdict.of(createdInTime)), tally);
            if (created.status() != 201) {
                return;
            }
            String requestId = created.sessionIdFromLocation();
            Duration bound = settings.restorerBound(resolvable);
            String limit = String.format(Locale.ROOT, "n x %d ms / %d = %s", settings.restoreMillis,
                    settings.parallelRestores, Format.seconds(bound.toNanos()));
            String acceptance = "<= 60 s, total = " + Format.count(resolvable) + " resolved, "
                    + Format.count(unknown) + " in error.details";
            long start = System.nanoTime();
            Answer activated = counted.activate(session);
            if (!activated.ok()) {
                report.row(new Row(figure + ", activate -> terminal", "activation refused: " + activated.status()
                        + " " + activated.errorCode(), limit, "n/a", acceptance, Verdict.FAIL), tally);
                return;
            }
            long deadline = start + settings.sessionTimeout.toNanos();
            Answer last = activated;
            while (!TERMINAL.contains(last.sessionStatus()) && System.nanoTime() < deadline) {
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(100));
                Answer polled = counted.session(session, false);
                if (polled.ok()) {
                    last = polled;
                }
            }
            long elapsed = System.nanoTime() - start;
            Answer request = counted.bulkRequest(session, requestId);
            int details = request.errorDetails("ProtectionUnitNotFound");
            String counts = String.format(Locale.ROOT, "total %d, completed %d, failed %d; request %s, %d in"
                            + " error.details", last.artifactCount("total"), last.artifactCount("completed"),
                    last.artifactCount("failed"), request.sessionStatus(), details);
            boolean correct = TERMINAL.contains(last.sessionStatus()) && last.artifactCount("total") == resolvable
                    && last.artifactCount("completed") == resolvable && details == unknown;
            report.row(new Row(figure + ", activate -> terminal", Format.seconds(elapsed) + ", "
                    + last.sessionStatus() + " (" + counts + ")", limit,
                    Format.ratio(elapsed / (double) bound.toNanos()) + " of the restorer's bound", acceptance,
                    Verdict.of(correct && elapsed <= TimeUnit.SECONDS.toNanos(60))), tally);
        } catch (Exception failed) {
            report.row(new Row(figure, "error: " + failed.getMessage(), "", "n/a", "", Verdict.FAIL), tally);
        }
    }
}

/** The read side (issue "A read side at batched-insert speed"): the Graph GET and the audit's past state. */
final class ReadPhase {

    private final Settings settings;
    private final GraphApi api;
    private final PostgresLimits limits;
    private final Report report;
    private final String token;

    ReadPhase(Settings settings, GraphApi api, PostgresLimits limits, Report report, String token) {
        this.settings = settings;
        this.api = api;
        this.limits = limits;
        this.report = report;
        this.token = token;
    }

    /** 5a and 5b on a draft of 50 artifacts. */
    void runOnDraft() throws Exception {
        Answer created = api.createWithArtifacts(0, settings.itemsPerPatch);
        if (created.status() != 201) {
            report.row(new Row("5a/5b GET of a session of 50 artifacts", "not measured: the create answered "
                    + created.status() + " " + created.errorCode(), "", "n/a", "", Verdict.FAIL), null);
            return;
        }
        String session = created.sessionIdFromLocation();
        report.attempt("5a GET saturation", () -> saturation(session));
        report.attempt("5b GET at a fixed rate", () -> fixedRate(session));
    }

    private void saturation(String session) throws Exception {
        PgbenchResult postgres = limits.sessionReads(session, settings.wrkConnections, null);
        Wrk wrk = new Wrk(settings, token);
        Bench.log("5a: wrk, %d connections, 3 s warm-up then %d s", settings.wrkConnections, settings.wrkSeconds);
        wrk.run(session, 3);
        Wrk.Result result = wrk.run(session, settings.wrkSeconds);
        Tally tally = new Tally();
        if (result.non2xx() > 0) {
            tally.count("GET non-2xx", result.non2xx());
        }
        if (!result.socketErrors().isEmpty()) {
            tally.count("wrk socket errors: " + result.socketErrors());
        }
        double ratio = result.requestsPerSecond() / postgres.transactionsPerSecond();
        report.row(new Row("5a GET ?$expand (50 artifacts), " + settings.wrkConnections + " connections, wrk",
                String.format(Locale.ROOT, "%,.0f req/s (p50 %s, p99 %s)", result.requestsPerSecond(),
                        result.p50(), result.p99()),
                String.format(Locale.ROOT, "%,.0f tx/s (same SELECTs, %d clients)", postgres.transactionsPerSecond(),
                        settings.wrkConnections),
                Format.percent(ratio), ">= 2,000 req/s",
                Verdict.of(result.requestsPerSecond() >= 2_000 && result.non2xx() == 0)), tally);
    }

    private void fixedRate(String session) throws Exception {
        PgbenchResult postgres = limits.sessionReads(session, settings.wrkConnections, settings.fixedRate);
        Bench.log("5b: %d req/s for %d s, open loop", settings.fixedRate, settings.fixedRateSeconds);
        Tally tally = new Tally();
        FixedRateLoad.Result result = FixedRateLoad.run(api.http(), api.sessionRequest(session, true).build(),
                settings.fixedRate, Duration.ofSeconds(settings.fixedRateSeconds), tally);
        Latencies latencies = result.latencies();
        double p99Millis = latencies.p99() / 1e6;
        report.row(new Row("5b GET ?$expand (50 artifacts) at " + settings.fixedRate + " req/s, open loop",
                latencies.summary() + String.format(Locale.ROOT, " (%,d sent, %,d answered 200; sender fell behind by"
                        + " up to %s)", result.sent(), result.answered200(), Format.millis(result.maxSendLag())),
                "PostgreSQL at " + settings.fixedRate + " tx/s: " + postgres.latencies().summary(),
                Format.ratio(latencies.p99() / (double) postgres.latencies().p99()) + " (p99)", "p99 <= 10 ms",
                Verdict.of(p99Millis <= 10.0 && tally.isEmpty())), tally);
    }

    /** 5c: the audit's past state of a session of 1,000 artifacts that ran to completion. */
    void runPastState(Optional<CompletedSession> completed) {
        String figure = "5c past state, " + Format.count(settings.mediumSession) + " artifacts run to completion";
        if (completed.isEmpty()) {
            report.row(new Row(figure, "not measured: no session of " + Format.count(settings.mediumSession)
                    + " artifacts ran to completion (4d)", "", "n/a", "p50 <= 50 ms", Verdict.NOT_MEASURED), null);
            return;
        }
        CompletedSession session = completed.get();
        report.attempt("5c past state", () -> {
            PgbenchResult stream = limits.eventStreamRead(session.sessionId(), (int) session.version() + 1);
            measurePastState(figure + ", ?version=" + session.version(), session.sessionId(),
                    "version=" + session.version(), stream);
            String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).plusSeconds(1).toString();
            measurePastState(figure + ", ?asOf=now", session.sessionId(), "asOf=" + now, stream);
        });
    }

    private void measurePastState(String figure, String sessionId, String option, PgbenchResult stream) {
        Tally tally = new Tally();
        GraphApi counted = api.counting(tally);
        Bench.log("5c: %d calls of ?%s after 3 warm-up, at most %d s", settings.pastStateCalls, option,
                settings.pastStateTimeout.toSeconds());
        long deadline = System.nanoTime() + settings.pastStateTimeout.toNanos();
        List<Long> timed = new ArrayList<>();
        for (int i = 0; i < 3 + settings.pastStateCalls && System.nanoTime() < deadline; i++) {
            Answer answer = counted.pastState(sessionId, option);
            if (i >= 3 && answer.ok()) {
                timed.add(answer.nanos());
            }
        }
        Latencies latencies = Latencies.of(timed);
        String shortfall = timed.size() < settings.pastStateCalls ? " (only " + timed.size() + " of "
                + settings.pastStateCalls + " within " + settings.pastStateTimeout.toSeconds() + " s)" : "";
        report.row(new Row(figure, latencies.summary() + " over " + timed.size() + shortfall,
                "reading its events: p50 " + Format.millis(stream.latencies().p50()),
                Format.ratio(latencies.p50() / (double) stream.latencies().p50()) + " (p50)", "p50 <= 50 ms",
                Verdict.of(timed.size() > 0 && latencies.p50() <= 50_000_000L)), tally);
    }
}

/** wrk, the saturation load generator; it needs a Lua script to send the token (bench/get-session.lua). */
final class Wrk {

    private final Settings settings;
    private final String token;

    Wrk(Settings settings, String token) {
        this.settings = settings;
        this.token = token;
    }

    record Result(double requestsPerSecond, String p50, String p99, long non2xx, String socketErrors) {
    }

    Result run(String session, int seconds) throws Exception {
        ProcessBuilder builder = new ProcessBuilder("wrk", "-t2", "-c" + settings.wrkConnections, "-d" + seconds + "s",
                "--latency", "-s", settings.benchDir.resolve("get-session.lua").toString(),
                "http://127.0.0.1:" + settings.httpPort).redirectErrorStream(true);
        builder.environment().put("TOKEN", token);
        builder.environment().put("SESSION", session);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(seconds + 60L, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("wrk failed: " + output);
        }
        return new Result(
                Double.parseDouble(find(output, "Requests/sec:\\s+([\\d.]+)", "0")),
                find(output, "\\s50%\\s+(\\S+)", "?"),
                find(output, "\\s99%\\s+(\\S+)", "?"),
                Long.parseLong(find(output, "Non-2xx or 3xx responses: (\\d+)", "0")),
                find(output, "Socket errors: ([^\\n]+)", ""));
    }

    private static String find(String output, String pattern, String otherwise) {
        Matcher matcher = Pattern.compile(pattern).matcher(output);
        return matcher.find() ? matcher.group(1).trim() : otherwise;
    }
}

/**
 * An open-loop load: requests leave on a fixed schedule whatever the earlier ones do, and each latency runs from
 * the time the request was due, not from when it could be sent, so that a stall of the service counts for every
 * request it delays (no coordinated omission). The HTTP client opens as many connections as the schedule needs.
 */
final class FixedRateLoad {

    record Result(Latencies latencies, int sent, long answered200, long maxSendLag) {
    }

    static Result run(HttpClient http, HttpRequest request, int perSecond, Duration duration, Tally tally)
            throws InterruptedException {
        int total = (int) (perSecond * duration.toSeconds());
        long interval = 1_000_000_000L / perSecond;
        long[] latencies = new long[total];
        AtomicLong answered200 = new AtomicLong();
        List<CompletableFuture<?>> inFlight = new ArrayList<>(total);
        long first = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(100);
        long maxLag = 0;
        for (int i = 0; i < total; i++) {
            long due = first + i * interval;
            long wait;
            while ((wait = due - System.nanoTime()) > 0) {
                LockSupport.parkNanos(wait);
            }
            maxLag = Math.max(maxLag, System.nanoTime() - due);
            int index = i;
            inFlight.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((answer, failed) -> {
                latencies[index] = System.nanoTime() - due;
                if (failed != null) {
                    tally.count("GET: no answer (" + failed.getClass().getSimpleName() + ")");
                } else if (answer.statusCode() == 200) {
                    answered200.incrementAndGet();
                } else {
                    tally.count("GET " + answer.statusCode());
                }
            }));
        }
        long cutOff = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < total; i++) {
            try {
                inFlight.get(i).get(Math.max(1, cutOff - System.nanoTime()), TimeUnit.NANOSECONDS);
            } catch (java.util.concurrent.TimeoutException late) {
                // Still unanswered 30 s after the last send: its latency is at least the time waited so far.
                latencies[i] = System.nanoTime() - (first + i * interval);
                tally.count("GET: no answer 30 s after the run");
            } catch (java.util.concurrent.ExecutionException counted) {
                // already counted by whenComplete
            }
        }
        return new Result(Latencies.of(latencies), total, answered200.get(), maxLag);
    }
}

/**
 * A Prometheus histogram read from two scrapes: the bucket counts between them, summed over all other labels, and
 * a quantile interpolated inside its bucket as Prometheus's histogram_quantile does.
 */
final class PrometheusHistogram {

    static final String READ_MODEL_WAIT = "restore_read_model_wait_seconds";

    private PrometheusHistogram() {
    }

    record Quantile(double seconds, boolean beyondLastBucket) {
    }

    record Delta(TreeMap<Double, Double> cumulativeByBound, double count, double sum) {

        boolean hasBuckets() {
            return !cumulativeByBound.isEmpty();
        }

        double meanSeconds() {
            return count == 0 ? 0 : sum / count;
        }

        Quantile quantile(double fraction) {
            double total = cumulativeByBound.lastEntry().getValue();
            double rank = fraction * total;
            double lowerBound = 0;
            double lowerCount = 0;
            for (Map.Entry<Double, Double> bucket : cumulativeByBound.entrySet()) {
                if (bucket.getValue() >= rank) {
                    if (bucket.getKey().isInfinite()) {
                        return new Quantile(lowerBound, true);
                    }
                    double inBucket = bucket.getValue() - lowerCount;
                    double share = inBucket == 0 ? 1 : (rank - lowerCount) / inBucket;
                    return new Quantile(lowerBound + (bucket.getKey() - lowerBound) * share, false);
                }
                lowerBound = bucket.getKey();
                lowerCount = bucket.getValue();
            }
            return new Quantile(lowerBound, true);
        }
    }

    static Optional<Delta> delta(String metric, String before, String after) {
        Map<Double, Double> first = buckets(metric, before);
        Map<Double, Double> second = buckets(metric, after);
        double count = single(metric + "_count", after) - single(metric + "_count", before);
        double sum = single(metric + "_sum", after) - single(metric + "_sum", before);
        if (!after.contains(metric)) {
            return Optional.empty();
        }
        TreeMap<Double, Double> delta = new TreeMap<>();
        second.forEach((bound, cumulative) -> delta.put(bound, cumulative - first.getOrDefault(bound, 0.0)));
        return Optional.of(new Delta(delta, count, sum));
    }

    private static Map<Double, Double> buckets(String metric, String scrape) {
        Pattern line = Pattern.compile("^" + metric + "_bucket\\{(.*)\\}\\s+(\\S+)");
        Pattern bound = Pattern.compile("le=\"([^\"]+)\"");
        Map<Double, Double> cumulative = new TreeMap<>();
        for (String text : scrape.lines().toList()) {
            Matcher matcher = line.matcher(text);
            if (matcher.find()) {
                Matcher le = bound.matcher(matcher.group(1));
                if (le.find()) {
                    double upper = le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1));
                    cumulative.merge(upper, Double.parseDouble(matcher.group(2)), Double::sum);
                }
            }
        }
        return cumulative;
    }

    private static double single(String series, String scrape) {
        Pattern line = Pattern.compile("^" + series + "(\\{.*\\})?\\s+(\\S+)");
        double total = 0;
        for (String text : scrape.lines().toList()) {
            Matcher matcher = line.matcher(text);
            if (matcher.find()) {
                total += Double.parseDouble(matcher.group(2));
            }
        }
        return total;
    }
}

/**
 * Replay (issue "A read side at batched-insert speed"), on a data folder of its own: seed-history writes the
 * history, replay rebuilds the read model from it and logs its speed.
 */
final class ReplayPhase {

    private static final Pattern SEEDED = Pattern.compile("Seeded (\\d+) sessions, (\\d+) events, in (\\d+) ms");
    private static final Pattern REBUILT =
            Pattern.compile("Read model rebuilt: (\\d+) events in ([\\d.]+) s, ([\\d.]+) events/s");
    private static final Pattern REPLAY_RATE = Pattern.compile("\"eventsPerSecond\":([\\d.]+)");
    private static final int SERVICE_REPLAYS = 3;

    private final Settings settings;
    private final Report report;

    ReplayPhase(Settings settings, Report report) {
        this.settings = settings;
        this.report = report;
    }

    void run() {
        report.attempt("6 replay", this::replay);
    }

    private void replay() throws Exception {
        Path data = settings.work.resolve("replay/postgres");
        Path keyFile = settings.work.resolve("replay/local-signing-key.json");
        List<String> database = List.of(
                "--restore.embedded-postgres.data-directory=" + data,
                "--restore.embedded-postgres.port=" + settings.replayPostgresPort,
                "--restore.security.local-tokens.key-file=" + keyFile,
                "--restore.catalog.file=");
        // seed-history and replay serve nothing and exit when done, so PostgreSQL is up only while they work. Its
        // batched-insert rate is taken on the same data folder and port, by the service started (idle, empty) on it
        // just before seed-history: the same binaries, settings and disk as the replay then uses.
        Bench.log("6: the service on the replay's data folder (PostgreSQL port %d) for pgbench",
                settings.replayPostgresPort);
        List<String> serverArguments = new ArrayList<>(database);
        serverArguments.add("--server.port=" + settings.replayHttpPort);
        serverArguments.add("--management.server.port=" + settings.replayManagementPort);
        ServiceProcess server = ServiceProcess.start("replay-server", settings, serverArguments);
        PgbenchResult batched;
        try {
            server.awaitReady(Http.client(), settings.replayManagementPort, Duration.ofSeconds(240));
            Postgres postgres = new Postgres(settings, settings.replayPostgresPort);
            postgres.checkReachable();
            PostgresLimits limits = new PostgresLimits(settings, postgres);
            batched = limits.hundredRowInserts();
            report.addPostgresFigures(limits.figures().stream().map(line -> "replay's server: " + line).toList());
            report.note("6: PostgreSQL's 100-row insert rate was taken on the replay's own data folder and port, with"
                    + " the service started idle and empty on it just before seed-history: seed-history and replay"
                    + " exit when done, so their PostgreSQL is up only while they work.");
        } finally {
            server.stop();
        }
        int artifactsPerSession = settings.seedEventsPerSession - 1;
        Bench.log("6: seed-history, %,d sessions x %d events", settings.seedSessions, settings.seedEventsPerSession);
        List<String> seed = new ArrayList<>(List.of("seed-history"));
        seed.addAll(database);
        seed.add("--restore.seed.sessions=" + settings.seedSessions);
        seed.add("--restore.seed.artifacts-per-session=" + artifactsPerSession);
        String seeded = JarCommand.run(settings, "seed-history", seed, settings.commandTimeout);
        Matcher seedLine = SEEDED.matcher(seeded);
        if (seedLine.find()) {
            report.note(String.format(Locale.ROOT, "seed-history wrote %,d events in %s", Long.parseLong(
                    seedLine.group(2)), Format.seconds(Long.parseLong(seedLine.group(3)) * 1_000_000L)));
        }
        Bench.log("6: replay");
        List<String> replay = new ArrayList<>(List.of("replay"));
        replay.addAll(database);
        String replayed;
        String figure = "6 replay of " + Format.count((long) settings.seedSessions * settings.seedEventsPerSession)
                + " events, events/s";
        double rowsPerSecond = batched.transactionsPerSecond() * PostgresLimits.ROWS_PER_BATCH;
        String limit = String.format(Locale.ROOT, "%,.0f rows/s (100-row INSERTs, 2 clients)", rowsPerSecond);
        try {
            replayed = JarCommand.run(settings, "replay", replay, settings.commandTimeout);
        } catch (JarCommand.TimeoutException slow) {
            report.row(new Row(figure, slow.getMessage(), limit, "n/a", ">= 40%", Verdict.FAIL), null);
            return;
        }
        Matcher line = REBUILT.matcher(replayed);
        if (!line.find()) {
            throw new IllegalStateException("replay printed no 'Read model rebuilt' line");
        }
        double eventsPerSecond = Double.parseDouble(line.group(3));
        double ratio = eventsPerSecond / rowsPerSecond;
        report.row(new Row(figure, String.format(Locale.ROOT, "%,.0f events/s (%,d events in %s s)", eventsPerSecond,
                        Long.parseLong(line.group(1)), line.group(2)), limit, Format.percent(ratio), ">= 40%",
                Verdict.of(ratio >= 0.40)), null);
        replayOnTheRunningService(serverArguments, keyFile, rowsPerSecond, limit);
    }

    /**
     * The same rebuild as an operator starts it on a running node (POST /audit/projections/replay), three times in a
     * row: the first in a JVM that has compiled none of its code yet, as the replay command's, the later ones warm.
     */
    private void replayOnTheRunningService(List<String> serverArguments, Path keyFile, double rowsPerSecond,
                                           String limit) throws Exception {
        Bench.log("6b: replay on the running service, %d times", SERVICE_REPLAYS);
        ServiceProcess server = ServiceProcess.start("replay-server", settings, serverArguments);
        try {
            HttpClient http = Http.client();
            server.awaitReady(http, settings.replayManagementPort, Duration.ofSeconds(240));
            String token = JarCommand.operatorToken(settings, keyFile);
            URI replay = URI.create("http://127.0.0.1:" + settings.replayHttpPort + "/audit/projections/replay");
            List<Double> rates = new ArrayList<>();
            for (int run = 0; run < SERVICE_REPLAYS; run++) {
                HttpResponse<String> started = http.send(HttpRequest.newBuilder(replay)
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
                if (started.statusCode() != 202) {
                    throw new IllegalStateException("POST /audit/projections/replay answered "
                            + started.statusCode() + ": " + Format.shorten(started.body()));
                }
                rates.add(awaitReplayed(http, replay, token));
            }
            List<String> runs = rates.stream().map(rate -> String.format(Locale.ROOT, "%,.0f", rate)).toList();
            double warm = rates.subList(1, rates.size()).stream().mapToDouble(Double::doubleValue).min()
                    .orElseThrow();
            double ratio = warm / rowsPerSecond;
            report.row(new Row("6b replay of the same events on the running service, events/s (slowest warm run)",
                    String.format(Locale.ROOT, "%,.0f events/s (runs: %s)", warm, String.join(", ", runs)), limit,
                    Format.percent(ratio), ">= 40%", Verdict.of(ratio >= 0.40)), null);
        } finally {
            server.stop();
        }
    }

    private static double awaitReplayed(HttpClient http, URI replay, String token) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (System.nanoTime() < deadline) {
            Thread.sleep(200);
            String status = http.send(HttpRequest.newBuilder(replay).header("Authorization", "Bearer " + token)
                    .GET().build(), HttpResponse.BodyHandlers.ofString()).body();
            if (status.contains("\"state\":\"completed\"")) {
                Matcher rate = REPLAY_RATE.matcher(status);
                if (!rate.find()) {
                    throw new IllegalStateException("a completed replay without its rate: " + Format.shorten(status));
                }
                return Double.parseDouble(rate.group(1));
            }
            if (!status.contains("\"state\":\"replaying\"")) {
                throw new IllegalStateException("the replay ended as " + Format.shorten(status));
            }
        }
        throw new IllegalStateException("the replay did not end within 10 minutes");
    }
}

enum Verdict {
    PASS, FAIL, INFO, NOT_MEASURED;

    static Verdict of(boolean passed) {
        return passed ? PASS : FAIL;
    }

    String label() {
        return switch (this) {
            case PASS -> "pass";
            case FAIL -> "FAIL";
            case INFO -> "info";
            case NOT_MEASURED -> "n/a";
        };
    }
}

record Row(String figure, String measured, String limit, String ratio, String acceptance, Verdict verdict) {
}

/** The one table of the run, on the terminal and as Markdown in bench/results. */
final class Report {

    private final Settings settings;
    private final Machine machine;
    private final List<Row> rows = new ArrayList<>();
    private final List<String> errors = new ArrayList<>();
    private final List<String> postgres = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String loadDuringRun = "unknown";
    private Instant end;

    Report(Settings settings, Machine machine) {
        this.settings = settings;
        this.machine = machine;
    }

    interface Step {
        void run() throws Exception;
    }

    /** Runs one measurement; its failure becomes a row of the table, not the end of the run. */
    void attempt(String figure, Step step) {
        try {
            step.run();
        } catch (Exception failed) {
            failed.printStackTrace();
            row(new Row(figure, "error: " + Format.shorten(String.valueOf(failed.getMessage())), "", "n/a", "",
                    Verdict.FAIL), null);
        }
    }

    synchronized void row(Row row, Tally tally) {
        rows.add(row);
        if (tally != null && !tally.isEmpty()) {
            errors.add(row.figure() + ": " + tally);
        }
        Bench.log("%s: %s | %s | %s | %s", row.figure(), row.measured(), row.limit(), row.ratio(),
                row.verdict().label());
    }

    synchronized void note(String note) {
        notes.add(note);
    }

    synchronized void addPostgresFigures(List<String> figures) {
        postgres.addAll(figures);
    }

    void finish(String load) {
        this.loadDuringRun = load;
        this.end = Instant.now().truncatedTo(ChronoUnit.SECONDS);
    }

    private List<String> header() {
        return List.of(
                "Run of " + machine.start() + " to " + end + ", phase '" + settings.phase + "', commit "
                        + settings.commit,
                "Machine: " + machine.cores() + " cores (" + machine.cpu() + "); load average at start "
                        + machine.loadAverage() + "; " + loadDuringRun,
                "The load generators (this program, wrk, pgbench) and the service share these " + machine.cores()
                        + " cores.",
                "PostgreSQL: the service's embedded server, synchronous_commit and fsync on; pgbench -M prepared,"
                        + " measured in this run on the same server.");
    }

    /** Rows in the order of the issue's figures (4a, 4b, ..., 6), whichever order they were measured in. */
    private List<Row> ordered() {
        List<Row> sorted = new ArrayList<>(rows);
        sorted.sort(java.util.Comparator.comparing(row -> row.figure().split(" ")[0]));
        return sorted;
    }

    void print() {
        System.out.println();
        header().forEach(System.out::println);
        System.out.println();
        String[] titles = {"figure", "measured", "PostgreSQL's limit in this run", "ratio", "acceptance", "result"};
        int[] widths = new int[titles.length];
        List<String[]> cells = new ArrayList<>();
        cells.add(titles);
        ordered().forEach(row -> cells.add(cellsOf(row)));
        for (String[] line : cells) {
            for (int i = 0; i < line.length; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        for (int l = 0; l < cells.size(); l++) {
            String[] line = cells.get(l);
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < line.length; i++) {
                text.append(i == 0 ? "" : " | ").append(String.format("%-" + widths[i] + "s", line[i]));
            }
            System.out.println(text.toString().stripTrailing());
            if (l == 0) {
                System.out.println(Arrays.stream(widths).mapToObj("-"::repeat).collect(Collectors.joining("-+-")));
            }
        }
        printSection("PostgreSQL in this run", postgres);
        printSection("Errors (non-2xx answers, missing answers, failed PATCH items)",
                errors.isEmpty() ? List.of("none") : errors);
        printSection("Notes", notes);
    }

    Path writeMarkdown() throws IOException {
        Files.createDirectories(settings.resultsDir);
        Path file = settings.resultsDir.resolve(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm'Z'")
                .withZone(ZoneOffset.UTC).format(machine.start()) + "-" + settings.phase + ".md");
        List<String> lines = new ArrayList<>();
        lines.add("# Benchmark " + machine.start());
        lines.add("");
        header().forEach(line -> lines.add("- " + line));
        lines.add("");
        lines.add("| figure | measured | PostgreSQL's limit in this run | ratio | acceptance | result |");
        lines.add("|---|---|---|---|---|---|");
        ordered().forEach(row -> lines.add("| " + Arrays.stream(cellsOf(row)).map(cell -> cell.replace("|", "\\|"))
                .collect(Collectors.joining(" | ")) + " |"));
        markdownSection(lines, "PostgreSQL in this run", postgres);
        markdownSection(lines, "Errors", errors.isEmpty() ? List.of("none") : errors);
        markdownSection(lines, "Notes", notes);
        Files.write(file, lines);
        return file;
    }

    private static String[] cellsOf(Row row) {
        return new String[] {row.figure(), row.measured(), row.limit(), row.ratio(), row.acceptance(),
                row.verdict().label()};
    }

    private static void printSection(String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        System.out.println();
        System.out.println(title + ":");
        lines.forEach(line -> System.out.println("- " + line));
    }

    private static void markdownSection(List<String> out, String title, List<String> lines) {
        if (lines.isEmpty()) {
            return;
        }
        out.add("");
        out.add("## " + title);
        out.add("");
        lines.forEach(line -> out.add("- " + line));
    }
}

final class Format {

    private Format() {
    }

    static String millis(long nanos) {
        if (nanos < 0) {
            return "n/a";
        }
        double millis = nanos / 1e6;
        return millis < 10 ? String.format(Locale.ROOT, "%.2f ms", millis)
                : millis < 10_000 ? String.format(Locale.ROOT, "%.0f ms", millis)
                : String.format(Locale.ROOT, "%.1f s", millis / 1000);
    }

    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
    }

    static String ratio(double ratio) {
        return String.format(Locale.ROOT, "%.2fx", ratio);
    }

    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    static String ordinal(int n) {
        String suffix = (n % 100 >= 11 && n % 100 <= 13) ? "th"
                : switch (n % 10) {
                    case 1 -> "st";
                    case 2 -> "nd";
                    case 3 -> "rd";
                    default -> "th";
                };
        return n + suffix;
    }

    static String count(long count) {
        return String.format(Locale.ROOT, "%,d", count);
    }

    static String shorten(String text) {
        String flat = text.replaceAll("\\s+", " ");
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
