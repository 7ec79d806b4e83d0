package com.m365backup.restore.domain.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.m365backup.restore.domain.caller.IdentitySet;

import java.time.OffsetDateTime;

/**
 * Graph's mailboxProtectionUnit: the mailbox a restore point protects; a session holds one artifact per protection
 * unit (docs/api.md, Resources: restorePoint, and Finding what can be restored). Every property of Graph's
 * {@code protectionUnitBase} is shown; those the catalog cannot know are null rather than invented.
 *
 * @param createdDateTime      when the unit entered the catalog: as its catalog file says, or the time it was first
 *                             imported, kept from then on
 * @param lastModifiedDateTime when an import last changed its name, email or directory object, else its creation
 */
@JsonPropertyOrder({"@odata.type", "id", "directoryObjectId", "displayName", "email", "mailboxType", "status",
        "policyId", "protectionSources", "backupRetentionPeriodInDays", "billingPolicyId", "createdBy",
        "createdDateTime", "lastModifiedBy", "lastModifiedDateTime", "offboardRequestedDateTime", "error"})
public record MailboxProtectionUnitView(
        String id,
        String directoryObjectId,
        String displayName,
        String email,
        OffsetDateTime createdDateTime,
        OffsetDateTime lastModifiedDateTime) {

    /** A unit's status as Graph spells it: a mailbox in the catalog has restore points, so it is protected. */
    public static final String PROTECTED = "protected";

    @JsonProperty("@odata.type")
    public String odataType() {
        return "#microsoft.graph.mailboxProtectionUnit";
    }

    @JsonProperty("status")
    public String status() {
        return PROTECTED;
    }

    /** The catalog is imported, not built from protection policies: no policy to name. */
    @JsonProperty("policyId")
    public String policyId() {
        return null;
    }

    /** Whether a mailbox is a user's or shared is not in the catalog. */
    @JsonProperty("mailboxType")
    public String mailboxType() {
        return null;
    }

    /** How the mailbox came under protection (a policy's rule or by hand) is not in the catalog. */
    @JsonProperty("protectionSources")
    public String protectionSources() {
        return null;
    }

    @JsonProperty("backupRetentionPeriodInDays")
    public Integer backupRetentionPeriodInDays() {
        return null;
    }

    @JsonProperty("billingPolicyId")
    public String billingPolicyId() {
        return null;
    }

    /** Who protected the mailbox is not in the catalog; the import is no one's action on Graph. */
    @JsonProperty("createdBy")
    public IdentitySet createdBy() {
        return null;
    }

    @JsonProperty("lastModifiedBy")
    public IdentitySet lastModifiedBy() {
        return null;
    }

    /** Offboarding is not offered by this service. */
    @JsonProperty("offboardRequestedDateTime")
    public OffsetDateTime offboardRequestedDateTime() {
        return null;
    }

    @JsonProperty("error")
    public PublicError error() {
        return null;
    }
}
