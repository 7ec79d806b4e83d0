package com.m365backup.restore.app.eventstore;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The counters and timers of a message bus or event processor by payload type, under the names and tags of Axon's
 * dimensional Micrometer monitors ({@code commandBus.successCounter{payloadType=...}},
 * {@code eventProcessor.allTimer{processorName=...,payloadType=...}}, ...), so dashboards made for those read these.
 *
 * <p>Each payload type's meters are looked up once and kept. Axon's own monitors look every meter up in the registry
 * for every message (a dozen lookups by name and tags) and keep client-side percentiles per timer: measured, 9% of
 * the request thread's time in a PATCH of 50 items (50 commands, 50 events) and 30% of the projection's. Timers here
 * have no client-side percentiles (count, total and maximum); latency percentiles are the HTTP server's histograms.
 */
final class PayloadTypeMeters implements MessageMonitor<Message<?>> {

    private final String prefix;
    private final Tags componentTags;
    private final MeterRegistry registry;
    private final Map<Class<?>, Meters> byPayloadType = new ConcurrentHashMap<>();

    /** @param componentTags the tags of every meter, besides {@code payloadType}: an event processor's name */
    PayloadTypeMeters(String prefix, Tags componentTags, MeterRegistry registry) {
        this.prefix = prefix;
        this.componentTags = componentTags;
        this.registry = registry;
    }

    @Override
    public MonitorCallback onMessageIngested(Message<?> message) {
        Meters meters = byPayloadType.computeIfAbsent(message.getPayloadType(), this::metersOf);
        meters.ingested.increment();
        long started = System.nanoTime();
        return new MonitorCallback() {
            @Override
            public void reportSuccess() {
                meters.processed.increment();
                meters.ended(meters.success, meters.successTime, started);
            }

            @Override
            public void reportFailure(Throwable cause) {
                meters.processed.increment();
                meters.ended(meters.failure, meters.failureTime, started);
            }

            @Override
            public void reportIgnored() {
                // As Axon counts them: an ignored message is not a processed one.
                meters.ended(meters.ignored, meters.ignoredTime, started);
            }
        };
    }

    private Meters metersOf(Class<?> payloadType) {
        Tags tags = componentTags.and("payloadType", payloadType.getSimpleName());
        return new Meters(counter("ingestedCounter", tags), counter("processedCounter", tags),
                counter("successCounter", tags), counter("failureCounter", tags), counter("ignoredCounter", tags),
                timer("allTimer", tags), timer("successTimer", tags), timer("failureTimer", tags),
                timer("ignoredTimer", tags));
    }

    private Counter counter(String name, Tags tags) {
        return registry.counter(prefix + "." + name, tags);
    }

    private Timer timer(String name, Tags tags) {
        return registry.timer(prefix + "." + name, tags);
    }

    private record Meters(Counter ingested, Counter processed, Counter success, Counter failure, Counter ignored,
                          Timer all, Timer successTime, Timer failureTime, Timer ignoredTime) {

        void ended(Counter outcome, Timer outcomeTime, long started) {
            long nanos = System.nanoTime() - started;
            outcome.increment();
            all.record(nanos, TimeUnit.NANOSECONDS);
            outcomeTime.record(nanos, TimeUnit.NANOSECONDS);
        }
    }
}
