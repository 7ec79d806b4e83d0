package com.m365backup.restore.operations;

import com.m365backup.restore.IntegrationTest;
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
}
