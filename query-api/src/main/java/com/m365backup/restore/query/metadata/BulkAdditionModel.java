package com.m365backup.restore.query.metadata;

import com.m365backup.restore.domain.session.BulkAdditionRequestStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static com.m365backup.restore.query.metadata.NavigationProperty.contained;
import static com.m365backup.restore.query.metadata.StructuralProperty.of;
import static com.m365backup.restore.query.metadata.TypeNames.DATE_TIME;
import static com.m365backup.restore.query.metadata.TypeNames.STRING;
import static com.m365backup.restore.query.metadata.TypeNames.collectionOf;
import static com.m365backup.restore.query.metadata.TypeNames.graph;

/**
 * Bulk addition requests in the service model (docs/api.md, Bulk addition requests), as the Graph beta SDK's models
 * name them: {@code restoreArtifactsBulkRequestBase}, its Exchange type with the mailboxes and directory object ids,
 * its status enum, and the collection under an Exchange restore session.
 */
@Component
@Order(10)
class BulkAdditionModel implements ServiceModelPart {

    @Override
    public void contributeTo(ServiceModel.Builder model) {
        model.enumType(EnumType.evolvable("restoreArtifactsBulkRequestStatus", statuses(), List.of()))
                .entityType(EntityType.derived("restoreArtifactsBulkRequestBase", graph("entity"),
                                of("createdBy", graph("identitySet")),
                                of("createdDateTime", DATE_TIME),
                                of("destinationType", graph("destinationType")),
                                of("displayName", STRING),
                                of("error", graph("publicError")),
                                of("lastModifiedBy", graph("identitySet")),
                                of("lastModifiedDateTime", DATE_TIME),
                                of("protectionTimePeriod", graph("timePeriod")),
                                of("protectionUnitIds", collectionOf(STRING)),
                                of("restorePointPreference", graph("restorePointPreference")),
                                of("status", graph("restoreArtifactsBulkRequestStatus")),
                                of("tags", graph("restorePointTags")))
                        .asAbstract())
                .entityType(EntityType.derived("mailboxRestoreArtifactsBulkAdditionRequest",
                        graph("restoreArtifactsBulkRequestBase"),
                        of("directoryObjectIds", collectionOf(STRING)),
                        of("mailboxes", collectionOf(STRING))))
                .navigationsOf("exchangeRestoreSession", contained("mailboxRestoreArtifactsBulkAdditionRequests",
                        collectionOf(graph("mailboxRestoreArtifactsBulkAdditionRequest"))));
    }

    /** Graph's members: {@code unknown} first, which no request of this service is in. */
    private static List<String> statuses() {
        List<String> members = new ArrayList<>(List.of("unknown"));
        members.addAll(Arrays.stream(BulkAdditionRequestStatus.values())
                .map(BulkAdditionRequestStatus::graphName).toList());
        return members;
    }
}
