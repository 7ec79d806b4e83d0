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
 *                        service would echo)
 * @param retried         whether the client says it sends this request again ({@code Retry-Attempt}, as every Graph
 *                        SDK's retry handler does)
 */
public record CommandOrigin(String tenantId, MetaData metaData, Instant requestedAt, String callerId,
                            String clientRequestId, boolean retried) {

    /**
     * The key a create is known by when it is sent again (docs/api.md, Answers that never contradict the store), if
     * the client named it: its caller, its client-request-id, and what it asked for.
     *
     * @param bodyDigest the request body's digest: the Graph Java SDK sends one client-request-id with every request of
     *                   a client, so the id alone does not tell two creates apart
     */
    public Optional<CreateRequestKey> createRequestKey(String bodyDigest) {
        return callerId == null || clientRequestId == null
                ? Optional.empty()
                : Optional.of(new CreateRequestKey(tenantId, callerId, clientRequestId, bodyDigest));
    }

    /** A create request as a retry repeats it: the same caller of the same tenant, client-request-id and body. */
    public record CreateRequestKey(String tenantId, String callerId, String clientRequestId, String bodyDigest) {
    }
}
