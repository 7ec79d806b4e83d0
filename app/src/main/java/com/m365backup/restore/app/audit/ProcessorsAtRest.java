package com.m365backup.restore.app.audit;

import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.EventProcessor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.util.concurrent.CompletableFuture;

/**
 * Stops this process's event processors, for the one-shot commands: a {@code replay} or {@code seed-history} is the
 * only work of its process. Left running, the projection would fold the very history a replay rebuilds, a second
 * time and at the same moment, and the restore engine would scan it; their tokens stay where they are, so the
 * service takes up from there at its next start (the projection skips what the rebuilt tables show already).
 */
@Component
@ConditionalOnProperty(name = "restore.command")
class ProcessorsAtRest {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsAtRest.class);

    private final EventProcessingConfiguration processing;

    ProcessorsAtRest(EventProcessingConfiguration processing) {
        this.processing = processing;
    }

    void stopAll() {
        CompletableFuture.allOf(processing.eventProcessors().values().stream()
                .map(EventProcessor::shutdownAsync)
                .toArray(CompletableFuture[]::new)).join();
        log.info("Event processors stopped: this process runs one command and exits");
    }
}
