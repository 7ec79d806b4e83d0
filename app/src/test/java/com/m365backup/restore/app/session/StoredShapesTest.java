package com.m365backup.restore.app.session;

import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.ArtifactRestoreStarted;
import com.m365backup.restore.domain.session.BulkAdditionRequestCreated;
import com.m365backup.restore.domain.session.BulkAdditionRequestDeleted;
import com.m365backup.restore.domain.session.BulkAdditionRequestResolved;
import com.m365backup.restore.domain.session.BulkAdditionRequestStatus;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.GranularMailboxArtifactAdded;
import com.m365backup.restore.domain.session.MessageCondition;
import com.m365backup.restore.domain.session.MessageProperty;
import com.m365backup.restore.domain.session.RestorePointPreference;
import com.m365backup.restore.domain.session.RestoreSessionRetired;
import com.m365backup.restore.domain.session.UnresolvedMailbox;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The new events and the changed one read back through the event store's own serializer: an
 * {@link ArtifactRestoreStarted} stored at revision 1, before it carried a query, reads as the restore of a whole
 * mailbox; the events of bulk requests, granular artifacts and retirement keep every value.
 */
@IntegrationTest
class StoredShapesTest {

    private static final Instant AT = Instant.parse("2026-05-01T10:11:12.123456Z");

    @Autowired
    Serializer serializer;

    @Test
    void an_artifact_restore_started_of_revision_1_reads_without_a_query() {
        byte[] stored = """
                {"sessionId":"s-1","tenantId":"t-1","artifactId":"a-1","restorePointId":"rp-1","mailboxId":"m-1",
                 "destinationType":"IN_PLACE","startedAt":"2026-05-01T10:11:12Z"}""".getBytes(StandardCharsets.UTF_8);

        ArtifactRestoreStarted read = serializer.deserialize(new SimpleSerializedObject<>(stored, byte[].class,
                ArtifactRestoreStarted.class.getName(), "1"));

        assertThat(read).isEqualTo(new ArtifactRestoreStarted("s-1", "t-1", "a-1", "rp-1", "m-1",
                DestinationType.IN_PLACE, Instant.parse("2026-05-01T10:11:12Z")));
        assertThat(read.artifactQuery()).isNull();
    }

    @Test
    void the_events_of_bulk_requests_granular_artifacts_and_retirement_keep_every_value() {
        ArtifactQuery query = new ArtifactQuery("subject:\"Quarterly report\" AND hasAttachment:true", List.of(
                MessageCondition.of(MessageProperty.SUBJECT, "Quarterly report"),
                MessageCondition.of(MessageProperty.HAS_ATTACHMENT, "true")));
        List<Object> events = List.of(
                new BulkAdditionRequestCreated("s-1", "b-1", "Sales", List.of("a@contoso.com"), List.of("d-1"), AT,
                        AT.plus(Duration.ofDays(30)), DestinationType.NEW, RestorePointPreference.OLDEST,
                        "fastRestore", AT),
                new BulkAdditionRequestResolved("s-1", "b-1", BulkAdditionRequestStatus.COMPLETED_WITH_ERRORS, 1,
                        List.of(new UnresolvedMailbox("x@contoso.com", UnresolvedMailbox.NO_SUCH_MAILBOX, "None.")),
                        AT),
                new BulkAdditionRequestDeleted("s-1", "b-1", AT),
                new GranularMailboxArtifactAdded("s-1", "a-1", "rp-1", "m-1", AT, DestinationType.NEW, "search-1",
                        query, AT),
                new ArtifactRestoreStarted("s-1", "t-1", "a-1", "rp-1", "m-1", DestinationType.NEW, AT, query),
                new RestoreSessionRetired("s-1", AT));

        assertThat(events).allSatisfy(event -> {
            SerializedObject<byte[]> stored = serializer.serialize(event, byte[].class);
            Object read = serializer.deserialize(stored);
            assertThat(read).isEqualTo(event);
        });
    }
}
