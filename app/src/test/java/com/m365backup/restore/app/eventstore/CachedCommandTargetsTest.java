package com.m365backup.restore.app.eventstore;

import com.m365backup.restore.domain.session.AddMailboxArtifact;
import com.m365backup.restore.domain.session.DestinationType;
import com.m365backup.restore.domain.session.NewMailboxArtifact;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.modelling.command.AnnotationCommandTargetResolver;
import org.axonframework.modelling.command.TargetAggregateIdentifier;
import org.axonframework.modelling.command.VersionedAggregateIdentifier;
import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CachedCommandTargetsTest {

    private static final NewMailboxArtifact ARTIFACT = new NewMailboxArtifact("artifact-1", "point-1", "mailbox-1",
            null, DestinationType.NEW);

    private final CachedCommandTargets cached = new CachedCommandTargets();
    private final AnnotationCommandTargetResolver axon = AnnotationCommandTargetResolver.builder().build();

    @Test
    void a_session_command_names_the_session_and_version_axon_finds_by_its_annotations() {
        for (Object command : new Object[]{
                new AddMailboxArtifact("session-1", "tenant-1", ARTIFACT, Instant.EPOCH, 1000, 7L),
                new AddMailboxArtifact("session-2", "tenant-1", ARTIFACT, Instant.EPOCH, 1000, null)}) {
            VersionedAggregateIdentifier found = cached.resolveTarget(GenericCommandMessage.asCommandMessage(command));
            VersionedAggregateIdentifier expected = axon.resolveTarget(GenericCommandMessage.asCommandMessage(command));

            assertThat(found.getIdentifier()).isEqualTo(expected.getIdentifier());
            assertThat(found.getVersion()).isEqualTo(expected.getVersion());
        }
    }

    @Test
    void a_command_without_its_session_is_refused_as_axon_refuses_it() {
        AddMailboxArtifact nameless = new AddMailboxArtifact(null, "tenant-1", ARTIFACT, Instant.EPOCH, 1000, null);

        assertThatThrownBy(() -> cached.resolveTarget(GenericCommandMessage.asCommandMessage(nameless)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("does not identify the target aggregate");
    }

    @Test
    void a_command_that_is_no_record_is_left_to_axon() {
        VersionedAggregateIdentifier found = cached.resolveTarget(
                GenericCommandMessage.asCommandMessage(new ClassCommand("session-3")));

        assertThat(found.getIdentifier()).isEqualTo("session-3");
        assertThat(found.getVersion()).isNull();
    }

    static final class ClassCommand {
        @TargetAggregateIdentifier
        private final String sessionId;

        ClassCommand(String sessionId) {
            this.sessionId = sessionId;
        }
    }
}
