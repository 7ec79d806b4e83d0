package com.m365backup.restore.command;

import org.axonframework.messaging.MetaData;

import java.time.Instant;

/**
 * Where and when the commands of one HTTP request come from: the caller's tenant, the metadata every command (and so
 * every event it causes) carries, and the time of the request, which all its commands share.
 */
public record CommandOrigin(String tenantId, MetaData metaData, Instant requestedAt) {
}
