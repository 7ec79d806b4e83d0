package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

import java.util.UUID;

/**
 * A delta item that failed, in OData's shape: {@code @contentId} (the client's, or a new GUID so that the failure can
 * still be quoted), the {@code @Core.DataModificationException} annotation, and the item's {@code id} when it had one.
 */
@JsonPropertyOrder({"@contentId", "@Core.DataModificationException", "id"})
record FailedItem(
        @JsonProperty("@contentId") String contentId,
        @JsonProperty("@Core.DataModificationException") DataModificationException failure,
        @JsonInclude(JsonInclude.Include.NON_NULL) String id) implements DeltaResult {

    static FailedItem of(DeltaItem item, GraphRejection rejection, String message) {
        String contentId = item.contentId() != null ? item.contentId() : UUID.randomUUID().toString();
        String id = item instanceof DeltaItem.Remove remove ? remove.artifactId() : null;
        return new FailedItem(contentId, new DataModificationException(
                new Info(rejection.code(), message), item.operation(), rejection.kind().status()), id);
    }

    /** OData's {@code Core.DataModificationExceptionType}. */
    @JsonPropertyOrder({"info", "failedOperation", "responseCode"})
    record DataModificationException(Info info, String failedOperation, int responseCode) {
    }

    /** The Graph code and the message of a failure. */
    @JsonPropertyOrder({"code", "message"})
    record Info(String code, String message) {
    }
}
