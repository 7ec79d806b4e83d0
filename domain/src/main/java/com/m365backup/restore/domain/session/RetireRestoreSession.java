package com.m365backup.restore.domain.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Duration;
import java.time.Instant;

/**
 * Takes a session off every Graph path once it has been in a terminal state for longer than the retention
 * (docs/api.md, Retention: 365 days unless configured otherwise); sent by the retention job, decided by the session.
 */
public record RetireRestoreSession(
        @TargetAggregateIdentifier String sessionId,
        Duration retention,
        Instant requestedAt) {
}
