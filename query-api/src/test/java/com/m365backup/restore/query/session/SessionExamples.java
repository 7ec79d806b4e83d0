package com.m365backup.restore.query.session;

import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.query.ArtifactCount;
import com.m365backup.restore.domain.query.MailboxRestoreArtifactView;
import com.m365backup.restore.domain.query.RestorePointReference;
import com.m365backup.restore.domain.query.RestoreSessionView;

import java.time.OffsetDateTime;
import java.util.List;

/** Sessions and artifacts as the read model answers them, with literal values the tests' JSON repeats. */
final class SessionExamples {

    static final String TENANT = "7f3c1a52-0d8e-4c1b-9e44-2b6f9d0a8c11";
    static final String SESSION = "a8e3f2c4-6b1d-4f7e-9c2a-5d8b3e1f0a47";
    static final String OTHER_SESSION = "b2c7e9d1-3f4a-4b8c-8e6d-1a9f2c5b7d30";
    static final String ARTIFACT_A = "0f5c2b8e-1d4a-4e7b-a9c3-6b2d8f1e4a70";
    static final String ARTIFACT_B = "1a6d3c9f-2e5b-4f8c-b0d4-7c3e9a2f5b81";

    private SessionExamples() {
    }

    static RestoreSessionView draft(String id) {
        return new RestoreSessionView(id, TENANT, 3, "draft",
                IdentitySet.ofUser("u-1", "Megan Bowen"),
                OffsetDateTime.parse("2026-03-30T12:01:03.45Z"),
                IdentitySet.ofApplication("app-1", "Contoso Backup"),
                OffsetDateTime.parse("2026-03-30T12:05:00Z"),
                null, null, "standard", new ArtifactCount(2, 0, 0, 0), null);
    }

    static RestoreSessionView withArtifacts(RestoreSessionView session) {
        return new RestoreSessionView(session.id(), session.tenantId(), session.version(), session.status(),
                session.createdBy(), session.createdDateTime(), session.lastModifiedBy(),
                session.lastModifiedDateTime(), session.completedDateTime(), session.error(),
                session.restoreJobType(), session.restoreSessionArtifactCount(),
                List.of(artifact(ARTIFACT_A, "rp-a"), artifact(ARTIFACT_B, "rp-b")));
    }

    static RestoreSessionView withStatus(RestoreSessionView session, String status) {
        return new RestoreSessionView(session.id(), session.tenantId(), session.version(), status,
                session.createdBy(), session.createdDateTime(), session.lastModifiedBy(),
                session.lastModifiedDateTime(), session.completedDateTime(), session.error(),
                session.restoreJobType(), session.restoreSessionArtifactCount(), session.mailboxRestoreArtifacts());
    }

    static MailboxRestoreArtifactView artifact(String id, String restorePointId) {
        return new MailboxRestoreArtifactView(id, SESSION,
                new RestorePointReference(restorePointId, null, OffsetDateTime.parse("2027-01-01T00:00:00Z")),
                "inPlace", "added", OffsetDateTime.parse("2026-03-30T12:01:03.45Z"),
                null, null, null, null, null, null);
    }

    /** The JSON of {@link #draft} with {@code SESSION}; Graph shows nulls for properties without a value. */
    static final String DRAFT_JSON = """
            {
              "@odata.type": "#microsoft.graph.exchangeRestoreSession",
              "@odata.etag": "W/\\"3\\"",
              "id": "a8e3f2c4-6b1d-4f7e-9c2a-5d8b3e1f0a47",
              "status": "draft",
              "createdBy": {"user": {"id": "u-1", "displayName": "Megan Bowen"}},
              "createdDateTime": "2026-03-30T12:01:03.45Z",
              "lastModifiedBy": {"application": {"id": "app-1", "displayName": "Contoso Backup"}},
              "lastModifiedDateTime": "2026-03-30T12:05:00Z",
              "completedDateTime": null,
              "error": null,
              "restoreJobType": "standard",
              "restoreSessionArtifactCount": {"total": 2, "completed": 0, "failed": 0, "inProgress": 0}
            }""";

    static String artifactJson(String id, String restorePointId) {
        return """
                {
                  "@odata.type": "#microsoft.graph.mailboxRestoreArtifact",
                  "id": "%s",
                  "restorePoint": {"id": "%s", "expirationDateTime": "2027-01-01T00:00:00Z"},
                  "destinationType": "inPlace",
                  "status": "added",
                  "createdDateTime": "2026-03-30T12:01:03.45Z",
                  "startDateTime": null,
                  "completionDateTime": null,
                  "error": null,
                  "restoredFolderId": null,
                  "restoredFolderName": null
                }""".formatted(id, restorePointId);
    }
}
