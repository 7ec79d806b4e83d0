package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactRestoreStarted;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.PropagatingErrorHandler;
import org.axonframework.eventhandling.async.PropertySequencingPolicy;
import org.axonframework.eventhandling.async.SequentialPerAggregatePolicy;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** The engine's processors, its restorer (the simulated one unless the application provides another) and threads. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties({RestoreEngineProperties.class, SimulatedRestorerProperties.class})
class RestoreEngineConfiguration {

    @Bean
    @ConditionalOnMissingBean(MailboxRestorer.class)
    MailboxRestorer simulatedMailboxRestorer(SimulatedRestorerProperties properties, Clock clock) {
        return new SimulatedMailboxRestorer(properties, clock);
    }

    /** Restores run here, so that the engine can give up on one that takes too long. */
    @Bean(destroyMethod = "shutdownNow")
    ExecutorService mailboxRestoreThreads() {
        AtomicInteger count = new AtomicInteger();
        return Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "mailbox-restore-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * A failing step is retried, never skipped (Axon's default logs and goes on, which would leave a session
     * active for ever). The artifacts of one session restore side by side: restores are sequenced per artifact.
     */
    @Bean
    ConfigurerModule restoreEngineProcessing() {
        return configurer -> configurer.eventProcessing()
                .registerListenerInvocationErrorHandler(RestoreEngine.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerListenerInvocationErrorHandler(MailboxRestores.PROCESSING_GROUP,
                        configuration -> PropagatingErrorHandler.instance())
                .registerSequencingPolicy(MailboxRestores.PROCESSING_GROUP, configuration ->
                        PropertySequencingPolicy.builder(ArtifactRestoreStarted.class, String.class)
                                .propertyExtractor(ArtifactRestoreStarted::artifactId)
                                .fallbackSequencingPolicy(SequentialPerAggregatePolicy.instance())
                                .build());
    }
}
