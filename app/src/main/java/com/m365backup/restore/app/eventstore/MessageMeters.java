package com.m365backup.restore.app.eventstore;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import org.axonframework.config.Configurer;
import org.axonframework.config.ConfigurerModule;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.EventProcessor;
import org.axonframework.messaging.Message;
import org.axonframework.monitoring.MessageMonitor;
import org.axonframework.monitoring.MultiMessageMonitor;
import org.axonframework.monitoring.NoOpMessageMonitorCallback;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The message monitors of every Axon component: {@link PayloadTypeMeters} under the component's name, and for an
 * event processor its {@code eventProcessor.latency} (milliseconds from an event's time to its handling, as Axon's
 * gauge shows it). They take the place of Axon's Micrometer module ({@code axon.metrics.auto-configuration.enabled}
 * is false), which looks every meter up again for every message.
 */
@Component
class MessageMeters implements ConfigurerModule {

    private final MeterRegistry registry;
    private final Clock clock;

    MessageMeters(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
    }

    @Override
    public void configureModule(Configurer configurer) {
        configurer.configureMessageMonitor(configuration -> this::monitorOf);
    }

    private MessageMonitor<Message<?>> monitorOf(Class<?> componentType, String componentName) {
        if (EventProcessor.class.isAssignableFrom(componentType)) {
            Tags processor = Tags.of("processorName", componentName);
            return new MultiMessageMonitor<>(new PayloadTypeMeters("eventProcessor", processor, registry),
                    latency(processor));
        }
        return new PayloadTypeMeters(componentName, Tags.empty(), registry);
    }

    private MessageMonitor<Message<?>> latency(Tags processor) {
        AtomicLong millis = new AtomicLong();
        Gauge.builder("eventProcessor.latency", millis, AtomicLong::doubleValue).tags(processor).register(registry);
        return message -> {
            if (message instanceof EventMessage<?> event) {
                millis.set(Math.max(0, clock.millis() - event.getTimestamp().toEpochMilli()));
            }
            return NoOpMessageMonitorCallback.INSTANCE;
        };
    }
}
