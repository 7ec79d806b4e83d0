package com.m365backup.restore.app.embedded;

import com.m365backup.restore.app.service.ServiceLocation;
import org.apache.commons.logging.Log;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.logging.DeferredLogFactory;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The one folder of the embedded default's data ({@code restore.data-directory}): PostgreSQL's files in
 * {@code postgres/}, the local signing key and the self-signed certificate. Its default does not depend on the working
 * directory, so that the service, its {@code token} command and its command-line modes find the same sessions and the
 * same key from whichever folder they are started.
 *
 * <p>The default is the {@code data/} folder of the checkout the code was built in, found from where the classes
 * are ({@code app/target/classes} under {@code spring-boot:run}, {@code app/target/app-*.jar}): it is where every
 * earlier version kept its data when started as the README says, so nothing moves on an upgrade; it is git-ignored
 * and survives {@code mvn clean}; and each checkout (a branch, a worktree) keeps a database whose schema matches its
 * own migrations, which one folder in the user's home shared by every checkout would not. A jar copied elsewhere keeps
 * its data in a {@code data/} folder beside itself. Only classes outside any checkout (an IDE's own layout) fall back
 * to {@code ./data}.
 *
 * <p>Earlier versions kept the data in {@code ./data} of the working directory: a service started from another folder
 * made a second, empty one there. When the default folder holds nothing yet and the working directory's
 * {@code ./data} does, that one is used where it is, and the log says so.
 */
public class DataDirectory implements EnvironmentPostProcessor, Ordered {

    static final String PROPERTY = "restore.data-directory";

    private static final String FOLDER = "data";

    private final Log log;

    public DataDirectory(DeferredLogFactory logs) {
        this.log = logs.getLog(DataDirectory.class);
    }

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (environment.containsProperty(PROPERTY)) {
            return;
        }
        Path folder = choose(ServiceLocation.ofThisService(), Path.of("").toAbsolutePath());
        // Last: every property source the user has (arguments, environment, application.properties) comes first.
        environment.getPropertySources().addLast(new MapPropertySource("restoreDataDirectory",
                Map.of(PROPERTY, folder.toString())));
    }

    Path choose(ServiceLocation location, Path working) {
        Path folder = defaultFor(location, working);
        Path earlier = working.resolve(FOLDER);
        if (!folder.equals(earlier) && !holdsData(folder) && holdsData(earlier)) {
            log.info("Using the data in " + earlier + ", where earlier versions kept it when started from this "
                    + "folder; set " + PROPERTY + " to choose, or move it to " + folder);
            return earlier;
        }
        return folder;
    }

    /** After the configuration files are read, so that a {@code restore.data-directory} of theirs is seen. */
    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    static Path defaultFor(ServiceLocation location, Path working) {
        if (location.checkout() != null) {
            return location.checkout().resolve(FOLDER);
        }
        if (location.isJar()) {
            return location.source().resolveSibling(FOLDER);
        }
        return working.resolve(FOLDER);
    }

    /** PostgreSQL's files (in {@code postgres/} or, as the first versions kept them, right there) or a signing key. */
    static boolean holdsData(Path folder) {
        return Files.exists(folder.resolve("postgres").resolve("PG_VERSION"))
                || Files.exists(folder.resolve("PG_VERSION"))
                || Files.exists(folder.resolve("local-signing-key.json"));
    }
}
