package com.m365backup.restore.session;

import org.axonframework.modelling.command.TargetAggregateIdentifier;

import java.time.Instant;

/** Deletes a draft session; its events stay for audit (spec/api.md, Lifecycle). */
public record DeleteRestoreSession(@TargetAggregateIdentifier String sessionId, String tenantId, Instant requestedAt) {
}
