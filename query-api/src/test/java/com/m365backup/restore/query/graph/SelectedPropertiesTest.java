package com.m365backup.restore.query.graph;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.m365backup.restore.domain.caller.IdentitySet;
import com.m365backup.restore.domain.query.ArtifactCount;
import com.m365backup.restore.domain.query.MailboxProtectionUnitView;
import com.m365backup.restore.domain.query.MailboxRestoreArtifactView;
import com.m365backup.restore.domain.query.PublicError;
import com.m365backup.restore.domain.query.RestorePointReference;
import com.m365backup.restore.domain.query.RestoreSessionView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.converter.json.Jackson2ObjectMapperBuilder;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * {@code $select} written by the entities' own serializers gives the bytes that filtering the entity's JSON tree gave
 * (the way it was done before, kept here as the reference), and no $select writes the entity itself.
 */
class SelectedPropertiesTest {

    /** Configured as Spring Boot configures the service's: times as ISO-8601 text. */
    private static final ObjectMapper JSON = Jackson2ObjectMapperBuilder.json()
            .featuresToDisable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS,
                    SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .build();
    private static final OffsetDateTime CREATED = OffsetDateTime.parse("2026-03-30T12:01:03.45Z");
    private static final MailboxRestoreArtifactView ARTIFACT = new MailboxRestoreArtifactView("artifact-a",
            "session-a", new RestorePointReference("rp-a", null, OffsetDateTime.parse("2027-01-01T00:00:00Z")),
            "inPlace", "added", CREATED, null, null, null, null, null, null);
    private static final RestoreSessionView SESSION = new RestoreSessionView("session-a", "tenant-a", 3, "failed",
            IdentitySet.ofUser("u-1", "Megan Bowen"), CREATED, IdentitySet.ofApplication("app-1", "Contoso Backup"),
            CREATED.plusMinutes(4), null, new PublicError("RestoreSessionFailed", "Every artifact failed.", null,
            List.of()), "standard", new ArtifactCount(2, 0, 2, 0), null);
    private static final RestoreSessionView WITH_ARTIFACTS = new RestoreSessionView(SESSION.id(), SESSION.tenantId(),
            SESSION.version(), SESSION.status(), SESSION.createdBy(), SESSION.createdDateTime(),
            SESSION.lastModifiedBy(), SESSION.lastModifiedDateTime(), SESSION.completedDateTime(), SESSION.error(),
            SESSION.restoreJobType(), SESSION.restoreSessionArtifactCount(), List.of(ARTIFACT, ARTIFACT));
    private static final MailboxProtectionUnitView UNIT = new MailboxProtectionUnitView("unit-adele",
            "451b6eb1-fc3f-546b-9d36-577d9c454d6a", "Adele Vance", "AdeleV@contoso.com", CREATED, CREATED);

    static Stream<Arguments> selections() {
        return Stream.of(
                arguments(SESSION, List.of("status", "createdDateTime"), List.of()),
                arguments(SESSION, List.of("createdDateTime", "status"), List.of()),
                arguments(SESSION, List.of("completedDateTime", "error"), List.of()),
                arguments(SESSION, List.of("id"), List.of()),
                arguments(SESSION, List.of("restoreSessionArtifactCount"), List.of("mailboxRestoreArtifacts")),
                arguments(WITH_ARTIFACTS, List.of("status"), List.of("mailboxRestoreArtifacts")),
                arguments(WITH_ARTIFACTS, List.of("status"), List.of()),
                arguments(ARTIFACT, List.of("status", "restoredItemCount", "restorePoint"), List.of("restorePoint")),
                arguments(UNIT, List.of("email", "displayName"), List.of()),
                arguments(UNIT, List.of("status", "error", "offboardRequestedDateTime"), List.of()));
    }

    @ParameterizedTest(name = "{1} expanding {2} of {0}")
    @MethodSource("selections")
    void a_selection_writes_what_the_json_tree_filtered_to(Object entity, List<String> select, List<String> expand)
            throws Exception {
        String written = JSON.writeValueAsString(new SelectedProperties(entity, select, expand));

        assertThat(written).isEqualTo(JSON.writeValueAsString(treeFiltered(entity, select, expand)));
    }

    @Test
    void selected_members_of_a_page_are_written_as_the_page_of_json_trees_was() throws Exception {
        GraphCollection<Object> page = new GraphCollection<>("context", 2L, null,
                List.of(new SelectedProperties(SESSION, List.of("status"), List.of()),
                        new SelectedProperties(WITH_ARTIFACTS, List.of("status"), List.of("mailboxRestoreArtifacts"))));
        GraphCollection<Object> trees = new GraphCollection<>("context", 2L, null,
                List.of(treeFiltered(SESSION, List.of("status"), List.of()),
                        treeFiltered(WITH_ARTIFACTS, List.of("status"), List.of("mailboxRestoreArtifacts"))));

        assertThat(JSON.writeValueAsString(page)).isEqualTo(JSON.writeValueAsString(trees));
    }

    @Test
    void without_a_selection_the_entity_itself_is_written() {
        QueryOptions options = new QueryOptions(null, 0, null, false, List.of("mailboxRestoreArtifacts"), Map.of(),
                List.of(), null, List.of(), Map.of());

        assertThat(options.selected(WITH_ARTIFACTS)).isSameAs(WITH_ARTIFACTS);
    }

    /** How {@code $select} was applied before: the entity's whole JSON tree, then the fields that show. */
    private static JsonNode treeFiltered(Object entity, List<String> select, List<String> expand) {
        JsonNode all = JSON.valueToTree(entity);
        ObjectNode shown = JSON.createObjectNode();
        all.fields().forEachRemaining(field -> {
            String name = field.getKey();
            if (name.startsWith("@odata.") || name.equals("id") || select.contains(name) || expand.contains(name)) {
                shown.set(name, field.getValue());
            }
        });
        return shown;
    }
}
