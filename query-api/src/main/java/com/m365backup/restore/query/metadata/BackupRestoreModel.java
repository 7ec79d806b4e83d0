package com.m365backup.restore.query.metadata;

import com.m365backup.restore.domain.session.ArtifactRestoreStatus;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.RestoreSessionStatus;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.Arrays;
import java.util.List;

import static com.m365backup.restore.query.metadata.NavigationProperty.contained;
import static com.m365backup.restore.query.metadata.NavigationProperty.to;
import static com.m365backup.restore.query.metadata.StructuralProperty.of;
import static com.m365backup.restore.query.metadata.StructuralProperty.required;
import static com.m365backup.restore.query.metadata.TypeNames.DATE_TIME;
import static com.m365backup.restore.query.metadata.TypeNames.INT32;
import static com.m365backup.restore.query.metadata.TypeNames.STRING;
import static com.m365backup.restore.query.metadata.TypeNames.collectionOf;
import static com.m365backup.restore.query.metadata.TypeNames.graph;

/**
 * The part of Graph's backup-storage model this service serves, as the Graph beta SDK's models and Graph's docs
 * name it (docs/api.md, Resources): {@code solutions} -> {@code backupRestore} -> Exchange restore sessions with
 * their mailbox artifacts, restore sessions of every kind, restore points and protection units, the activate and
 * search actions, and the types their properties use. Only what is served is declared, so that a tool reading the
 * document is never sent to a path that answers 404. The statuses' members are the domain's own, so the two cannot
 * drift apart.
 */
@Component
@Order(0)
class BackupRestoreModel implements ServiceModelPart {

    private static final String ENTITY = graph("entity");

    @Override
    public void contributeTo(ServiceModel.Builder model) {
        enums(model);
        model.entityType(new EntityType("entity", null, true, List.of("id"), List.of(required("id", STRING)),
                        List.of()))
                // Graph's root of solutions: a singleton's type, hence without a key, as in Graph's own document.
                .entityType(new EntityType("solutionsRoot", null, false, List.of(), List.of(), List.of(
                        contained("backupRestore", graph("backupRestoreRoot")))))
                .entityType(EntityType.derived("backupRestoreRoot", ENTITY).with(
                        contained("exchangeRestoreSessions", collectionOf(graph("exchangeRestoreSession"))),
                        contained("mailboxProtectionUnits", collectionOf(graph("mailboxProtectionUnit"))),
                        contained("protectionUnits", collectionOf(graph("protectionUnitBase"))),
                        contained("restorePoints", collectionOf(graph("restorePoint"))),
                        contained("restoreSessions", collectionOf(graph("restoreSessionBase")))));
        sessions(model);
        catalog(model);
        commonTypes(model);
        model.singleton("solutions", graph("solutionsRoot"));
    }

    private static void enums(ServiceModel.Builder model) {
        model.enumType(EnumType.evolvable("restoreSessionStatus",
                        Arrays.stream(RestoreSessionStatus.values())
                                .filter(status -> status != RestoreSessionStatus.FAILED)
                                .map(RestoreSessionStatus::graphName).toList(),
                        // Added after the sentinel: shown only to clients that ask for it.
                        List.of(RestoreSessionStatus.FAILED.graphName())))
                .enumType(EnumType.evolvable("artifactRestoreStatus",
                        Arrays.stream(ArtifactRestoreStatus.values()).map(ArtifactRestoreStatus::graphName).toList(),
                        List.of()))
                .enumType(EnumType.evolvable("destinationType",
                        Arrays.stream(DestinationType.values()).map(DestinationType::graphName).toList(), List.of()))
                .enumType(EnumType.evolvable("restoreJobType", List.of("standard", "bulk"), List.of("granular")))
                .enumType(EnumType.evolvableFlags("restorePointTags", List.of("none", "fastRestore"),
                        List.of("includeNewerItems")))
                .enumType(EnumType.evolvable("restorePointPreference", List.of("latest", "oldest"), List.of()))
                .enumType(EnumType.evolvable("protectionUnitStatus",
                        List.of("protectRequested", "protected", "unprotectRequested", "unprotected",
                                "removeRequested"),
                        List.of("offboardRequested", "offboarded", "cancelOffboardRequested")))
                .enumType(EnumType.evolvableFlags("protectionSource", List.of("none", "manual", "dynamicRule"),
                        List.of()))
                .enumType(EnumType.evolvable("mailboxType", List.of("unknown", "user", "shared"), List.of()));
    }

    private static void sessions(ServiceModel.Builder model) {
        model.entityType(EntityType.derived("restoreSessionBase", ENTITY,
                                of("completedDateTime", DATE_TIME),
                                of("createdBy", graph("identitySet")),
                                of("createdDateTime", DATE_TIME),
                                of("error", graph("publicError")),
                                of("lastModifiedBy", graph("identitySet")),
                                of("lastModifiedDateTime", DATE_TIME),
                                of("restoreJobType", graph("restoreJobType")),
                                of("restoreSessionArtifactCount", graph("restoreSessionArtifactCount")),
                                of("status", graph("restoreSessionStatus")))
                        .asAbstract())
                .entityType(EntityType.derived("exchangeRestoreSession", graph("restoreSessionBase")).with(
                        contained("mailboxRestoreArtifacts", collectionOf(graph("mailboxRestoreArtifact")))))
                .entityType(EntityType.derived("restoreArtifactBase", ENTITY,
                                of("completionDateTime", DATE_TIME),
                                of("destinationType", graph("destinationType")),
                                of("error", graph("publicError")),
                                of("startDateTime", DATE_TIME),
                                of("status", graph("artifactRestoreStatus")))
                        .with(to("restorePoint", graph("restorePoint"))))
                .entityType(EntityType.derived("mailboxRestoreArtifact", graph("restoreArtifactBase"),
                        of("restoredFolderId", STRING),
                        of("restoredFolderName", STRING),
                        of("restoredItemCount", INT32),
                        // Graph's PATCH answer shows it on added artifacts, its model does not declare it; this
                        // service shows it in every artifact, so it is declared here.
                        of("createdDateTime", DATE_TIME)))
                .action(new BoundAction("activate", graph("restoreSessionBase"), List.of(),
                        graph("restoreSessionBase")));
    }

    private static void catalog(ServiceModel.Builder model) {
        model.entityType(EntityType.derived("restorePoint", ENTITY,
                                of("expirationDateTime", DATE_TIME),
                                of("protectionDateTime", DATE_TIME),
                                of("tags", graph("restorePointTags")))
                        .with(to("protectionUnit", graph("protectionUnitBase"))))
                .entityType(EntityType.derived("protectionUnitBase", ENTITY,
                        of("backupRetentionPeriodInDays", INT32),
                        of("billingPolicyId", STRING),
                        of("createdBy", graph("identitySet")),
                        of("createdDateTime", DATE_TIME),
                        of("error", graph("publicError")),
                        of("lastModifiedBy", graph("identitySet")),
                        of("lastModifiedDateTime", DATE_TIME),
                        of("offboardRequestedDateTime", DATE_TIME),
                        of("policyId", STRING),
                        of("protectionSources", graph("protectionSource")),
                        of("status", graph("protectionUnitStatus"))))
                .entityType(EntityType.derived("mailboxProtectionUnit", graph("protectionUnitBase"),
                        of("directoryObjectId", STRING),
                        of("displayName", STRING),
                        of("email", STRING),
                        of("mailboxType", graph("mailboxType"))))
                .complexType(ComplexType.of("timePeriod", of("endDateTime", DATE_TIME), of("startDateTime", DATE_TIME)))
                .complexType(ComplexType.of("restorePointSearchResponse",
                        of("noResultProtectionUnitIds", collectionOf(STRING)),
                        of("searchResponseId", STRING),
                        of("searchResults", collectionOf(graph("restorePointSearchResult")))))
                .complexType(ComplexType.of("restorePointSearchResult", of("artifactHitCount", INT32))
                        .with(to("restorePoint", graph("restorePoint"))))
                .action(new BoundAction("search", collectionOf(graph("restorePoint")), List.of(
                        of("protectionUnitIds", collectionOf(STRING)),
                        of("protectionTimePeriod", graph("timePeriod")),
                        of("restorePointPreference", graph("restorePointPreference")),
                        of("tags", graph("restorePointTags"))),
                        graph("restorePointSearchResponse")));
    }

    private static void commonTypes(ServiceModel.Builder model) {
        model.complexType(ComplexType.of("identity", of("displayName", STRING), of("id", STRING)).asOpen())
                .complexType(ComplexType.of("identitySet", of("application", graph("identity")),
                        of("device", graph("identity")), of("user", graph("identity"))).asOpen())
                .complexType(ComplexType.of("publicError",
                        of("code", STRING),
                        of("details", collectionOf(graph("publicErrorDetail"))),
                        of("innerError", graph("publicInnerError")),
                        of("message", STRING),
                        of("target", STRING)))
                .complexType(ComplexType.of("publicErrorDetail", of("code", STRING), of("message", STRING),
                        of("target", STRING)))
                .complexType(ComplexType.of("publicInnerError",
                        of("code", STRING),
                        of("details", collectionOf(graph("publicErrorDetail"))),
                        of("message", STRING),
                        of("target", STRING)))
                .complexType(ComplexType.of("restoreSessionArtifactCount", of("completed", INT32),
                        of("failed", INT32), of("inProgress", INT32), of("total", INT32)));
    }
}
