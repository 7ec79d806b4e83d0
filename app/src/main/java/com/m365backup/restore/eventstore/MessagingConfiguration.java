package com.m365backup.restore.eventstore;

import com.m365backup.restore.caller.CallerMetaData;
import com.m365backup.restore.session.RestoreSession;
import com.m365backup.restore.session.RestoreSessionRejected;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.commandhandling.gateway.IntervalRetryScheduler;
import org.axonframework.commandhandling.gateway.RetryScheduler;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** The aggregate's registration, the command gateway's retries and the metadata every event inherits. */
@Configuration(proxyBeanMethods = false)
class MessagingConfiguration {

    /**
     * The domain module knows no Spring, so the aggregate carries no {@code @Aggregate} and is registered here, on
     * the event-sourcing repository that the JDBC event store backs.
     */
    @Bean
    ConfigurerModule restoreSessionAggregate() {
        return configurer -> configurer.configureAggregate(RestoreSession.class);
    }

    /** Who did it, in which tenant and for which request: copied from each command onto the events it causes. */
    @Bean
    CorrelationDataProvider callerCorrelation() {
        return new SimpleCorrelationDataProvider(
                CallerMetaData.TENANT_ID,
                CallerMetaData.USER_ID,
                CallerMetaData.USER_NAME,
                CallerMetaData.APPLICATION_ID,
                CallerMetaData.APPLICATION_NAME,
                CallerMetaData.CLIENT_REQUEST_ID,
                CallerMetaData.REQUEST_ID);
    }

    @Bean
    CorrelationDataProvider messageOrigin() {
        return new MessageOriginProvider();
    }

    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService commandRetryExecutor() {
        return Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "command-retry");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Retries a command that lost a race for a session's next sequence number (another node appended first). A
     * rejection by the aggregate is an answer, not a failure: it is never retried.
     */
    @Bean
    RetryScheduler commandRetryScheduler(ScheduledExecutorService commandRetryExecutor,
                                         @Value("${restore.commands.max-retries:3}") int maxRetries,
                                         @Value("${restore.commands.retry-interval-ms:50}") int retryIntervalMs) {
        return IntervalRetryScheduler.builder()
                .retryExecutor(commandRetryExecutor)
                .maxRetryCount(maxRetries)
                .retryInterval(retryIntervalMs)
                .addNonTransientFailurePredicate(RestoreSessionRejected.class, rejected -> true)
                .addNonTransientFailurePredicate(AggregateNotFoundException.class, notFound -> true)
                .build();
    }

    @Bean
    CommandGateway commandGateway(CommandBus commandBus, RetryScheduler commandRetryScheduler) {
        return DefaultCommandGateway.builder()
                .commandBus(commandBus)
                .retryScheduler(commandRetryScheduler)
                .build();
    }
}
