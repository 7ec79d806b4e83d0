package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.RestoreSessionStatus;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * The restore engine's meters (docs/operations.md): artifacts that ended, by outcome and Graph error code
 * ({@code restore.artifacts}); how long each mailbox restore took ({@code restore.artifact.duration}); how long a
 * session took from its activation to its end ({@code restore.session.duration}). The durations are histograms, so
 * that Prometheus can tell percentiles across nodes.
 *
 * <p>Each is recorded once the processor's batch that learnt it has committed, by a handler that a replay never
 * calls ({@code @DisallowReplay}): a batch that fails and is delivered again records once, when it commits. A crash
 * between the commit and the recording loses that one observation; nothing is ever counted twice. (The counters live
 * in the process, as every Micrometer meter: they start at zero at each start, which Prometheus' {@code rate} and
 * {@code increase} take as a reset.)
 */
@Component
class RestoreMeters {

    static final String ARTIFACTS = "restore.artifacts";
    static final String ARTIFACT_DURATION = "restore.artifact.duration";
    static final String SESSION_DURATION = "restore.session.duration";
    /** Prometheus wants the same tag keys on every series of a name: successes carry this code. */
    static final String NO_CODE = "none";

    private final MeterRegistry registry;

    RestoreMeters(MeterRegistry registry) {
        this.registry = registry;
    }

    void artifactEnded(String outcome, String code) {
        Counter counter = Counter.builder(ARTIFACTS)
                .description("Artifacts of activated sessions that ended, by outcome and Graph error code")
                .tag("outcome", outcome)
                .tag("code", code)
                .register(registry);
        afterCommit(counter::increment);
    }

    void artifactRestored(String outcome, Duration took) {
        Timer timer = Timer.builder(ARTIFACT_DURATION)
                .description("How long the restorer took for one mailbox, by outcome")
                .tag("outcome", outcome)
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofHours(2))
                .register(registry);
        afterCommit(() -> timer.record(took));
    }

    void sessionEnded(RestoreSessionStatus status, Duration sinceActivation) {
        Timer timer = Timer.builder(SESSION_DURATION)
                .description("How long a session took from its activation to its end, by how it ended")
                .tag("status", status.graphName())
                .publishPercentileHistogram()
                .maximumExpectedValue(Duration.ofDays(1))
                .register(registry);
        afterCommit(() -> timer.record(sinceActivation));
    }

    private static void afterCommit(Runnable recording) {
        if (CurrentUnitOfWork.isStarted()) {
            CurrentUnitOfWork.get().afterCommit(unitOfWork -> recording.run());
        } else {
            recording.run();
        }
    }
}
