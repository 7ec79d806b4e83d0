package com.m365backup.restore.query.restorepoint;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The JSON file the catalog is imported from (docs/configuration.md, Restore point catalog): tenants, their mailboxes
 * (protection units) and each mailbox's restore points, in Graph's own property names.
 */
public record RestorePointCatalogFile(List<Tenant> tenants) {

    public RestorePointCatalogFile {
        tenants = tenants == null ? List.of() : List.copyOf(tenants);
    }

    /** The mailboxes of one tenant; restore points belong to tenants. */
    public record Tenant(String tenantId, List<ProtectionUnit> protectionUnits) {

        public Tenant {
            protectionUnits = protectionUnits == null ? List.of() : List.copyOf(protectionUnits);
        }
    }

    /**
     * A mailbox under protection (Graph's mailboxProtectionUnit) and its restore points.
     *
     * @param createdDateTime when the mailbox came under protection; null: the time of the import that first brings
     *                        the unit, kept from then on
     */
    public record ProtectionUnit(String id, String directoryObjectId, String displayName, String email,
                                 OffsetDateTime createdDateTime, List<RestorePoint> restorePoints) {

        public ProtectionUnit {
            restorePoints = restorePoints == null ? List.of() : List.copyOf(restorePoints);
        }

        /** A unit whose createdDateTime is the time it is first imported. */
        public ProtectionUnit(String id, String directoryObjectId, String displayName, String email,
                              List<RestorePoint> restorePoints) {
            this(id, directoryObjectId, displayName, email, null, restorePoints);
        }
    }

    /**
     * One restore point; its id is opaque and kept exactly as written.
     *
     * @param expirationDateTime null when it does not expire
     * @param tags               {@code none} (the default) or {@code fastRestore}
     */
    public record RestorePoint(String id, OffsetDateTime protectionDateTime, OffsetDateTime expirationDateTime,
                               String tags) {
    }
}
