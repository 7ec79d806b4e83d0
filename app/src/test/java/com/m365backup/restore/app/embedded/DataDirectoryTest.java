package com.m365backup.restore.app.embedded;

import com.m365backup.restore.app.security.localtokens.TokenCommand;
import com.m365backup.restore.app.service.ServiceLocation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.logging.DeferredLogs;
import org.springframework.mock.env.MockEnvironment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedded default keeps its data in one folder whatever the working directory: the data/ folder of the checkout
 * the code was built in, or beside a jar copied elsewhere; an older ./data of the working directory is used where it
 * is while the new place is empty. The token command is named as it runs from there.
 */
class DataDirectoryTest {

    @TempDir
    Path machine;

    private Path checkout;
    private Path elsewhere;
    private final DataDirectory dataDirectory = new DataDirectory(new DeferredLogs());

    @BeforeEach
    void checkoutWithABuild() throws IOException {
        checkout = Files.createDirectories(machine.resolve("exchange-restore-sessions"));
        Files.writeString(checkout.resolve("mvnw"), "#!/bin/sh\n");
        Files.createDirectories(checkout.resolve("app/target/classes"));
        Files.writeString(checkout.resolve("app/target/app-0.1.0-SNAPSHOT.jar"), "jar");
        elsewhere = Files.createDirectories(machine.resolve("home/someone"));
    }

    @Test
    void the_jar_of_a_checkout_keeps_its_data_in_the_checkout_from_any_folder() {
        ServiceLocation jar = ServiceLocation.of(checkout.resolve("app/target/app-0.1.0-SNAPSHOT.jar"));

        assertThat(dataDirectory.choose(jar, elsewhere)).isEqualTo(checkout.resolve("data"));
        assertThat(dataDirectory.choose(jar, checkout)).isEqualTo(checkout.resolve("data"));
    }

    @Test
    void spring_boot_run_keeps_its_data_in_the_same_folder_as_the_jar() {
        ServiceLocation classes = ServiceLocation.of(checkout.resolve("app/target/classes"));

        assertThat(dataDirectory.choose(classes, elsewhere)).isEqualTo(checkout.resolve("data"));
    }

    @Test
    void a_jar_copied_out_of_the_checkout_keeps_its_data_beside_itself() throws IOException {
        Path installed = Files.createDirectories(machine.resolve("opt/restore"));
        Path jar = Files.writeString(installed.resolve("app.jar"), "jar");

        assertThat(dataDirectory.choose(ServiceLocation.of(jar), elsewhere)).isEqualTo(installed.resolve("data"));
    }

    @Test
    void an_earlier_data_folder_of_the_working_directory_is_used_while_the_checkout_has_none() throws IOException {
        Files.createDirectories(elsewhere.resolve("data/postgres"));
        Files.writeString(elsewhere.resolve("data/postgres/PG_VERSION"), "17\n");
        ServiceLocation jar = ServiceLocation.of(checkout.resolve("app/target/app-0.1.0-SNAPSHOT.jar"));

        assertThat(dataDirectory.choose(jar, elsewhere)).isEqualTo(elsewhere.resolve("data"));

        Files.createDirectories(checkout.resolve("data"));
        Files.writeString(checkout.resolve("data/local-signing-key.json"), "{}");
        assertThat(dataDirectory.choose(jar, elsewhere)).isEqualTo(checkout.resolve("data"));
    }

    @Test
    void a_data_directory_that_is_set_is_taken_as_it_is() {
        MockEnvironment environment = new MockEnvironment().withProperty(DataDirectory.PROPERTY, "/srv/restore");

        dataDirectory.postProcessEnvironment(environment, new SpringApplication());

        assertThat(environment.getProperty(DataDirectory.PROPERTY)).isEqualTo("/srv/restore");
    }

    @Test
    void the_token_command_is_the_jar_the_service_runs_from_or_maven_in_its_checkout() {
        ServiceLocation jar = ServiceLocation.of(checkout.resolve("app/target/app-0.1.0-SNAPSHOT.jar"));
        ServiceLocation classes = ServiceLocation.of(checkout.resolve("app/target/classes"));
        String maven = "./mvnw -q -pl app -am spring-boot:run -Dspring-boot.run.arguments=token";

        assertThat(TokenCommand.invocation(jar, checkout, List.of()))
                .isEqualTo("java -jar app/target/app-0.1.0-SNAPSHOT.jar token");
        assertThat(TokenCommand.invocation(jar, elsewhere, List.of()))
                .isEqualTo("java -jar " + checkout.resolve("app/target/app-0.1.0-SNAPSHOT.jar") + " token");
        assertThat(TokenCommand.invocation(classes, checkout, List.of())).isEqualTo(maven);
        assertThat(TokenCommand.invocation(classes, elsewhere, List.of()))
                .isEqualTo("cd " + checkout + " && " + maven);
        assertThat(TokenCommand.invocation(classes, checkout, List.of("--restore.data-directory=/srv/restore")))
                .isEqualTo("./mvnw -q -pl app -am spring-boot:run "
                        + "-Dspring-boot.run.arguments=\"token --restore.data-directory=/srv/restore\"");
    }
}
