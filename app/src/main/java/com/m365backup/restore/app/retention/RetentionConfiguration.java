package com.m365backup.restore.app.retention;

import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.queryhandling.QueryGateway;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.SchedulingConfigurer;
import org.springframework.scheduling.config.ScheduledTaskRegistrar;

import java.time.Clock;

/**
 * Runs the retention job every {@code restore.retention.check-interval} while the service serves; the command-line
 * modes (replay, seed-history) run without it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication
@EnableScheduling
@EnableConfigurationProperties(RetentionProperties.class)
class RetentionConfiguration implements SchedulingConfigurer {

    private final RetentionProperties properties;
    private final SessionRetirement retirement;

    RetentionConfiguration(RetentionProperties properties, QueryGateway queries, CommandGateway commands,
                           Clock clock) {
        this.properties = properties;
        this.retirement = new SessionRetirement(queries, commands, properties, clock);
    }

    @Bean
    SessionRetirement sessionRetirement() {
        return retirement;
    }

    @Override
    public void configureTasks(ScheduledTaskRegistrar tasks) {
        tasks.addFixedDelayTask(retirement::retireDue, properties.checkInterval());
    }
}
