package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.m365backup.restore.domain.caller.IdentitySet;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * Graph's exchangeRestoreSession, as the read side shows it (docs/api.md, Resources). {@code version} is the
 * sequence number of the last event shown, the entity's etag.
 */
@JsonPropertyOrder({"@odata.type", "@odata.etag", "id"})
public record RestoreSessionView(
        String id,
        @JsonIgnore String tenantId,
        @JsonIgnore long version,
        String status,
        IdentitySet createdBy,
        OffsetDateTime createdDateTime,
        IdentitySet lastModifiedBy,
        OffsetDateTime lastModifiedDateTime,
        OffsetDateTime completedDateTime,
        PublicError error,
        String restoreJobType,
        ArtifactCount restoreSessionArtifactCount,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MailboxRestoreArtifactView> mailboxRestoreArtifacts,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<MailboxRestoreArtifactView> granularMailboxRestoreArtifacts,
        @JsonInclude(JsonInclude.Include.NON_NULL)
        List<BulkAdditionRequestView> mailboxRestoreArtifactsBulkAdditionRequests) {

    /** Graph's sentinel of evolvable enums. */
    public static final String UNKNOWN_FUTURE_VALUE = "unknownFutureValue";

    /** A session with its mailbox restore artifacts, or without (null). */
    public RestoreSessionView(String id, String tenantId, long version, String status, IdentitySet createdBy,
                              OffsetDateTime createdDateTime, IdentitySet lastModifiedBy,
                              OffsetDateTime lastModifiedDateTime, OffsetDateTime completedDateTime, PublicError error,
                              String restoreJobType, ArtifactCount restoreSessionArtifactCount,
                              List<MailboxRestoreArtifactView> mailboxRestoreArtifacts) {
        this(id, tenantId, version, status, createdBy, createdDateTime, lastModifiedBy, lastModifiedDateTime,
                completedDateTime, error, restoreJobType, restoreSessionArtifactCount, mailboxRestoreArtifacts, null,
                null);
    }

    /**
     * The session as a client reads it that says {@code Prefer: include-unknown-enum-members} ({@code included}) or
     * does not: a status {@code failed} and a restoreJobType {@code granular} come after their enums'
     * {@code unknownFutureValue}, so the others read that in their place (docs/api.md, Enums and their evolution).
     */
    public RestoreSessionView withEvolvableMembers(boolean included) {
        boolean failed = "failed".equals(status);
        boolean granular = "granular".equals(restoreJobType);
        if (included || !failed && !granular) {
            return this;
        }
        return new RestoreSessionView(id, tenantId, version, failed ? UNKNOWN_FUTURE_VALUE : status, createdBy,
                createdDateTime, lastModifiedBy, lastModifiedDateTime, completedDateTime, error,
                granular ? UNKNOWN_FUTURE_VALUE : restoreJobType, restoreSessionArtifactCount,
                mailboxRestoreArtifacts, granularMailboxRestoreArtifacts, mailboxRestoreArtifactsBulkAdditionRequests);
    }

    /**
     * The same session with its artifacts expanded: a granular session's as {@code granularMailboxRestoreArtifacts},
     * any other's as {@code mailboxRestoreArtifacts} (docs/api.md, Granular restore: the kinds do not mix).
     */
    public RestoreSessionView withArtifacts(List<MailboxRestoreArtifactView> artifacts) {
        boolean granular = "granular".equals(restoreJobType);
        return new RestoreSessionView(id, tenantId, version, status, createdBy, createdDateTime, lastModifiedBy,
                lastModifiedDateTime, completedDateTime, error, restoreJobType, restoreSessionArtifactCount,
                granular ? null : List.copyOf(artifacts), granular ? List.copyOf(artifacts) : null,
                mailboxRestoreArtifactsBulkAdditionRequests);
    }

    /**
     * The same session showing the navigations asked for ({@code $expand}), empty when it has none of that kind, and
     * not the others.
     */
    public RestoreSessionView expanding(boolean artifacts, boolean granularArtifacts, boolean bulkAdditionRequests) {
        return new RestoreSessionView(id, tenantId, version, status, createdBy, createdDateTime, lastModifiedBy,
                lastModifiedDateTime, completedDateTime, error, restoreJobType, restoreSessionArtifactCount,
                shown(artifacts, mailboxRestoreArtifacts), shown(granularArtifacts, granularMailboxRestoreArtifacts),
                shown(bulkAdditionRequests, mailboxRestoreArtifactsBulkAdditionRequests));
    }

    private static <T> List<T> shown(boolean asked, List<T> navigation) {
        return !asked ? null : navigation == null ? List.of() : navigation;
    }

    /** The same session with its bulk addition requests expanded. */
    public RestoreSessionView withBulkAdditionRequests(List<BulkAdditionRequestView> requests) {
        return new RestoreSessionView(id, tenantId, version, status, createdBy, createdDateTime, lastModifiedBy,
                lastModifiedDateTime, completedDateTime, error, restoreJobType, restoreSessionArtifactCount,
                mailboxRestoreArtifacts, granularMailboxRestoreArtifacts, List.copyOf(requests));
    }

    @JsonProperty("@odata.type")
    public String odataType() {
        return "#microsoft.graph.exchangeRestoreSession";
    }

    @JsonProperty("@odata.etag")
    public String etag() {
        return "W/\"" + version + "\"";
    }
}
