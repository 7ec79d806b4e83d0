package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.RestoreSessionsApplication;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The service in a JVM of its own, started as {@code java -cp … RestoreSessionsApplication} starts it, with its
 * output in a log file: for the tests that need a real process (a kill, a SIGTERM, a newcomer's first start).
 */
final class ServiceProcess {

    private ServiceProcess() {
    }

    static Process start(Path log, List<String> jvmOptions, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path")));
        command.addAll(jvmOptions);
        command.add(RestoreSessionsApplication.class.getName());
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }
}
