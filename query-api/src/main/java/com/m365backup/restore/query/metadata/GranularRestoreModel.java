package com.m365backup.restore.query.metadata;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

import static com.m365backup.restore.query.metadata.NavigationProperty.contained;
import static com.m365backup.restore.query.metadata.StructuralProperty.of;
import static com.m365backup.restore.query.metadata.TypeNames.INT32;
import static com.m365backup.restore.query.metadata.TypeNames.STRING;
import static com.m365backup.restore.query.metadata.TypeNames.collectionOf;
import static com.m365backup.restore.query.metadata.TypeNames.graph;

/**
 * Granular restores in the service model (docs/api.md, Granular restore): the granular artifact type and its
 * collection under an Exchange restore session, and the search's {@code artifactQuery} with its expressions, as the
 * Graph beta SDK's models and Graph's docs name them.
 */
@Component
@Order(20)
class GranularRestoreModel implements ServiceModelPart {

    @Override
    public void contributeTo(ServiceModel.Builder model) {
        model.enumType(EnumType.evolvable("restorableArtifact", List.of("message"), List.of()))
                .entityType(EntityType.derived("granularMailboxRestoreArtifact", graph("mailboxRestoreArtifact"),
                        of("artifactCount", INT32),
                        of("searchResponseId", STRING)))
                .complexType(ComplexType.of("artifactQuery",
                        of("artifactType", graph("restorableArtifact")),
                        of("queryExpression", STRING),
                        of("structuredQueryExpression", graph("restoreSearchArtifactQueryExpression"))))
                .complexType(ComplexType.of("restoreSearchArtifactQueryExpression",
                        of("hasAttachment", TypeNames.BOOLEAN),
                        of("receivedDateTime", graph("timePeriod")),
                        of("recipients", collectionOf(STRING)),
                        of("senders", collectionOf(STRING)),
                        of("subjects", collectionOf(STRING))))
                .navigationsOf("exchangeRestoreSession", contained("granularMailboxRestoreArtifacts",
                        collectionOf(graph("granularMailboxRestoreArtifact"))))
                .parametersOf("search", of("artifactQuery", graph("artifactQuery")));
    }
}
