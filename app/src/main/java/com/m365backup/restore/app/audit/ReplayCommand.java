package com.m365backup.restore.app.audit;

import com.m365backup.restore.query.readmodel.ReadModelRebuild;
import com.m365backup.restore.query.readmodel.ReplayStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import java.time.Duration;

/** {@code java -jar app.jar replay}: rebuilds the read model from the event store, reports the speed, and exits. */
@Component
@ConditionalOnProperty(name = "restore.command", havingValue = "replay")
class ReplayCommand implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(ReplayCommand.class);
    private static final Duration POLL = Duration.ofMillis(100);

    private final ReadModelRebuild replay;
    private final ProcessorsAtRest processors;

    ReplayCommand(ReadModelRebuild replay, ProcessorsAtRest processors) {
        this.replay = replay;
        this.processors = processors;
    }

    @Override
    public void run(ApplicationArguments arguments) throws InterruptedException {
        processors.stopAll();
        ReplayStatus status = replay.start();
        log.info("Rebuilding the read model from {} events", status.head());
        while (!status.ended()) {
            Thread.sleep(POLL.toMillis());
            status = replay.status();
        }
        if (!status.completed()) {
            throw new IllegalStateException("The read model was not rebuilt: " + status.state());
        }
        log.info("Read model rebuilt: {} events in {} s, {} events/s", status.eventsReplayed(),
                Duration.between(status.startedDateTime(), status.completedDateTime()).toMillis() / 1000.0,
                status.eventsPerSecond());
    }
}
