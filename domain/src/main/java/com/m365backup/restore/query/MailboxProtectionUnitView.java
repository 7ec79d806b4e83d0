package com.m365backup.restore.query;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * Graph's mailboxProtectionUnit: the mailbox a restore point protects; a session holds one artifact per protection
 * unit (spec/api.md, Resources: restorePoint).
 */
@JsonPropertyOrder({"@odata.type", "id", "directoryObjectId", "displayName", "email"})
public record MailboxProtectionUnitView(String id, String directoryObjectId, String displayName, String email) {

    @JsonProperty("@odata.type")
    public String odataType() {
        return "#microsoft.graph.mailboxProtectionUnit";
    }
}
