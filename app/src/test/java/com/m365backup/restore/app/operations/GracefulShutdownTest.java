package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.IntegrationTest;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.axonframework.spring.config.SpringAxonConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.SmartLifecycle;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A shutdown finishes the requests in flight before Axon stops its processors: Spring stops higher lifecycle phases
 * first, so Axon's phase must be below the web server's (the graceful wait and the stop of the server itself).
 */
@IntegrationTest
class GracefulShutdownTest {

    @Autowired
    ApplicationContext context;

    @Test
    void axon_stops_its_processors_only_after_the_web_server_has_finished_its_requests() {
        Map<String, SmartLifecycle> lifecycles = context.getBeansOfType(SmartLifecycle.class);
        SmartLifecycle axon = lifecycles.values().stream()
                .filter(SpringAxonConfiguration.class::isInstance)
                .findFirst().orElseThrow();

        assertThat(context.getEnvironment().getProperty("server.shutdown")).isEqualTo("graceful");
        assertThat(axon.getPhase())
                .isLessThan(lifecycles.get("webServerGracefulShutdown").getPhase())
                .isLessThan(lifecycles.get("webServerStartStop").getPhase());
    }

    @Test
    void the_embedded_postgresql_is_stopped_after_the_processors_and_not_by_a_shutdown_hook_of_its_own() {
        // A JVM shutdown hook of zonky's would stop PostgreSQL at the same time as Spring stops the processors.
        assertThat(context.getBean(EmbeddedPostgres.class)).extracting("registerShutdownHook").isEqualTo(false);
    }
}
