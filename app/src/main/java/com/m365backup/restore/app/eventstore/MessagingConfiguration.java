package com.m365backup.restore.app.eventstore;

import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.session.RestoreSession;
import com.m365backup.restore.domain.session.RestoreSessionRejected;
import org.axonframework.commandhandling.CommandBus;
import org.axonframework.commandhandling.CommandBusSpanFactory;
import org.axonframework.commandhandling.DuplicateCommandHandlerResolver;
import org.axonframework.commandhandling.SimpleCommandBus;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.commandhandling.gateway.DefaultCommandGateway;
import org.axonframework.common.transaction.TransactionManager;
import org.axonframework.config.AggregateConfigurer;
import org.axonframework.config.Configuration;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventsourcing.AggregateSnapshotter;
import org.axonframework.eventsourcing.EventCountSnapshotTriggerDefinition;
import org.axonframework.eventsourcing.GenericAggregateFactory;
import org.axonframework.eventsourcing.Snapshotter;
import org.axonframework.messaging.correlation.CorrelationDataProvider;
import org.axonframework.messaging.correlation.MessageOriginProvider;
import org.axonframework.messaging.correlation.SimpleCorrelationDataProvider;
import org.axonframework.messaging.interceptors.CorrelationDataInterceptor;
import org.axonframework.messaging.unitofwork.RollbackConfiguration;
import org.axonframework.messaging.unitofwork.RollbackConfigurationType;
import org.axonframework.modelling.command.RepositorySpanFactory;
import org.axonframework.queryhandling.LoggingQueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryBus;
import org.axonframework.queryhandling.QueryBusSpanFactory;
import org.axonframework.queryhandling.QueryInvocationErrorHandler;
import org.axonframework.queryhandling.QueryUpdateEmitter;
import org.axonframework.queryhandling.SimpleQueryBus;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;

/**
 * The aggregate's registration and repository, the command and query buses, and the metadata every event inherits.
 */
@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SessionStoreProperties.class)
class MessagingConfiguration {

    /**
     * The domain module knows no Spring, so the aggregate carries no {@code @Aggregate} and is registered here: on a
     * repository that keeps sessions in memory and brings them up to date at every load, with snapshots for the
     * sessions not in memory (docs/performance.md: no command replays a session's whole history). Snapshots are taken
     * after the unit of work that crossed the threshold, on a thread of their own, off the request, from the session
     * in memory ({@link SnapshotsFromMemory}).
     */
    @Bean
    ConfigurerModule restoreSessionAggregate(SessionStoreProperties properties,
                                             ScheduledExecutorService snapshotThread) {
        ParkedAggregates<RestoreSession> parked = new ParkedAggregates<>(properties.cacheEvents());
        return configurer -> configurer.configureAggregate(
                AggregateConfigurer.defaultConfiguration(RestoreSession.class)
                        .configureCommandTargetResolver(configuration -> new CachedCommandTargets())
                        .configureRepository(configuration -> CatchUpCachingRepository
                                .builder(RestoreSession.class, parked)
                                .eventStore(configuration.eventStore())
                                .parameterResolverFactory(configuration.parameterResolverFactory())
                                .handlerDefinition(configuration.handlerDefinition(RestoreSession.class))
                                .repositoryProvider(configuration::repository)
                                .spanFactory(configuration.getComponent(RepositorySpanFactory.class))
                                .snapshotTriggerDefinition(new EventCountSnapshotTriggerDefinition(
                                        new SnapshotsFromMemory<>(parked, configuration.eventStore(),
                                                RestoreSession.class.getSimpleName(), snapshotThread,
                                                snapshotter(configuration, snapshotThread)),
                                        properties.snapshotEvery()))
                                .build()));
    }

    private static Snapshotter snapshotter(Configuration configuration, ScheduledExecutorService snapshotThread) {
        return AggregateSnapshotter.builder()
                .eventStore(configuration.eventStore())
                .aggregateFactories(new GenericAggregateFactory<>(RestoreSession.class))
                .parameterResolverFactory(configuration.parameterResolverFactory())
                .handlerDefinition(configuration.handlerDefinition(RestoreSession.class))
                .transactionManager(configuration.getComponent(TransactionManager.class))
                .executor(snapshotThread)
                .build();
    }

    /** A snapshot not yet begun when the service stops is dropped: it only saves a later load some reading. */
    @Bean(destroyMethod = "shutdown")
    ScheduledExecutorService snapshotThread() {
        ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
            Thread snapshots = new Thread(runnable, "session-snapshots");
            snapshots.setDaemon(true);
            return snapshots;
        });
        thread.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        return thread;
    }

    /**
     * Axon's command bus, but a rejection by the session is an answer, not a failure: its unit of work is not rolled
     * back. A rejected command applied nothing (the session checks every rule before its first event), and the
     * commands of one PATCH, or of one batch of the restore engine, share one unit of work and one loaded session: a
     * rollback of one of them would make the next reload the session rather than go on with it.
     */
    @Bean
    CommandBus commandBus(TransactionManager transactionManager, Configuration axonConfiguration,
                          DuplicateCommandHandlerResolver duplicateCommandHandlerResolver) {
        RollbackConfiguration rejectionsAreAnswers = failure -> !(failure instanceof RestoreSessionRejected)
                && RollbackConfigurationType.UNCHECKED_EXCEPTIONS.rollBackOn(failure);
        SimpleCommandBus commandBus = SimpleCommandBus.builder()
                .transactionManager(transactionManager)
                .rollbackConfiguration(rejectionsAreAnswers)
                .duplicateCommandHandlerResolver(duplicateCommandHandlerResolver)
                .spanFactory(axonConfiguration.getComponent(CommandBusSpanFactory.class))
                .messageMonitor(axonConfiguration.messageMonitor(CommandBus.class, "commandBus"))
                .build();
        commandBus.registerHandlerInterceptor(
                new CorrelationDataInterceptor<>(axonConfiguration.correlationDataProviders()));
        return commandBus;
    }

    /**
     * Axon's query bus without a transaction around every query: a GET is one statement (consistent by itself) where
     * a transaction would add two round trips, and the handlers that read several statements open their own.
     */
    @Bean
    QueryBus queryBus(Configuration axonConfiguration) {
        return SimpleQueryBus.builder()
                .messageMonitor(axonConfiguration.messageMonitor(QueryBus.class, "queryBus"))
                .errorHandler(axonConfiguration.getComponent(QueryInvocationErrorHandler.class,
                        () -> LoggingQueryInvocationErrorHandler.builder().build()))
                .queryUpdateEmitter(axonConfiguration.getComponent(QueryUpdateEmitter.class))
                .spanFactory(axonConfiguration.getComponent(QueryBusSpanFactory.class))
                .build();
    }

    /**
     * No retries here: a command sent inside a unit of work (every write of the API, every batch of the restore
     * engine) must not be retried on its own, outside its transaction. The unit of work is retried whole instead: by
     * the API when it loses a race for a session's next event, by the event processor when its batch fails.
     */
    @Bean
    CommandGateway commandGateway(CommandBus commandBus) {
        return DefaultCommandGateway.builder().commandBus(commandBus).build();
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
}
