package com.m365backup.restore.app.audit;

import com.m365backup.restore.app.service.ServiceSettings;
import com.m365backup.restore.domain.caller.CallerMetaData;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.MailboxArtifactAdded;
import com.m365backup.restore.domain.session.RestoreSessionCreated;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventMessage;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * {@code java -jar app.jar seed-history}: appends synthetic draft sessions straight to the event store (one
 * transaction a session), so that a replay can be measured on a large history without waiting for the API to write
 * it. The events are those the aggregate would have written; only the benchmark uses this.
 */
@Component
@ConditionalOnProperty(name = "restore.command", havingValue = "seed-history")
class SeedHistoryCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SeedHistoryCommand.class);
    private static final String AGGREGATE_TYPE = "RestoreSession";

    private final EventStore eventStore;
    private final ProcessorsAtRest processors;
    private final Clock clock;
    private final String tenantId;
    private final int sessions;
    private final int artifactsPerSession;

    SeedHistoryCommand(EventStore eventStore, ProcessorsAtRest processors, Clock clock,
                       ServiceSettings service, SeedHistoryProperties seed) {
        this.eventStore = eventStore;
        this.processors = processors;
        this.clock = clock;
        this.tenantId = service.defaultTenantId();
        this.sessions = seed.sessions();
        this.artifactsPerSession = seed.artifactsPerSession();
    }

    @Override
    public void run(ApplicationArguments arguments) {
        processors.stopAll();
        Instant start = clock.instant();
        MetaData metaData = MetaData.with(CallerMetaData.TENANT_ID, tenantId);
        for (int session = 0; session < sessions; session++) {
            eventStore.publish(sessionHistory(UUID.randomUUID().toString(), metaData));
        }
        long events = (long) sessions * (artifactsPerSession + 1);
        log.info("Seeded {} sessions, {} events, in {} ms", sessions, events,
                clock.millis() - start.toEpochMilli());
    }

    private List<DomainEventMessage<?>> sessionHistory(String sessionId, MetaData metaData) {
        Instant at = clock.instant();
        List<DomainEventMessage<?>> events = new ArrayList<>();
        events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, sessionId, 0,
                new RestoreSessionCreated(sessionId, tenantId, at), metaData));
        for (int artifact = 1; artifact <= artifactsPerSession; artifact++) {
            String restorePoint = "seed-" + sessionId + "-" + artifact;
            events.add(new GenericDomainEventMessage<>(AGGREGATE_TYPE, sessionId, artifact,
                    new MailboxArtifactAdded(sessionId, UUID.randomUUID().toString(), restorePoint, restorePoint,
                            null, DestinationType.IN_PLACE, at), metaData));
        }
        return events;
    }
}
