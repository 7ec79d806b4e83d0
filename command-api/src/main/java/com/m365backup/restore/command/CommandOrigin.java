package com.m365backup.restore.command;

import org.axonframework.messaging.MetaData;

import java.time.Instant;
import java.util.Optional;

/**
 * Where and when the commands of one HTTP request come from: the caller's tenant, the metadata every command (and so
 * every event it causes) carries, and the time of the request, which all its commands share.
 *
 * @param callerId        the calling user's or application's id, null when the token names neither
 * @param clientRequestId the {@code client-request-id} the client itself sent, null when it sent none (or none the
 *                        service would echo): only then does a request name itself, so that a retry can be known
 */
public record CommandOrigin(String tenantId, MetaData metaData, Instant requestedAt, String callerId,
                            String clientRequestId) {

    /** The key a repeated create is known by (spec/api.md, Answers that never contradict the store), if any. */
    public Optional<CreateRequestKey> createRequestKey() {
        return callerId == null || clientRequestId == null
                ? Optional.empty()
                : Optional.of(new CreateRequestKey(tenantId, callerId, clientRequestId));
    }

    /** A create request as a retry repeats it: the same caller of the same tenant, the same client-request-id. */
    public record CreateRequestKey(String tenantId, String callerId, String clientRequestId) {
    }
}
