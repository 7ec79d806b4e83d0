package com.m365backup.restore.app.service;

import org.springframework.boot.system.ApplicationHome;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where the service's code is: the jar it runs from ({@code java -jar}) or its classes folder ({@code spring-boot:run},
 * an IDE), and the checkout they were built in when they are that checkout's {@code app/target}. The data folder's
 * default and the token command's invocation follow from it, not from the working directory.
 *
 * @param source   the jar or the classes folder; null when unknown (a unit test)
 * @param checkout the repository's root folder (with {@code mvnw}) whose {@code app/target} holds the source
 */
public record ServiceLocation(Path source, Path checkout) {

    public static ServiceLocation ofThisService() {
        File source = new ApplicationHome(ServiceLocation.class).getSource();
        return of(source == null ? null : source.toPath());
    }

    public static ServiceLocation of(Path source) {
        if (source == null) {
            return new ServiceLocation(null, null);
        }
        Path location = source.toAbsolutePath().normalize();
        Path target = location.getParent();
        Path module = target == null ? null : target.getParent();
        Path root = module == null ? null : module.getParent();
        boolean built = root != null && target.getFileName().toString().equals("target")
                && module.getFileName().toString().equals("app") && Files.isRegularFile(root.resolve("mvnw"));
        return new ServiceLocation(location, built ? root : null);
    }

    /** Running from a jar file, not from a classes folder. */
    public boolean isJar() {
        return source != null && Files.isRegularFile(source);
    }

    public Optional<Path> builtIn() {
        return Optional.ofNullable(checkout);
    }
}
