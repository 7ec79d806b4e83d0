package com.m365backup.restore.query.metadata;

import org.junit.jupiter.api.Test;

import java.util.List;

import static com.m365backup.restore.query.metadata.TypeNames.collectionOf;
import static com.m365backup.restore.query.metadata.TypeNames.graph;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The service model is the parts' contributions, and refuses one that names what no part declares. */
class ServiceModelTest {

    @Test
    void a_later_part_adds_its_types_and_a_navigation_to_a_type_of_another_part() {
        ServiceModelPart bulk = model -> model
                .entityType(EntityType.derived("mailboxRestoreArtifactsBulkAdditionRequest", graph("entity"),
                        StructuralProperty.of("displayName", TypeNames.STRING)))
                .navigationsOf("exchangeRestoreSession", NavigationProperty.contained(
                        "mailboxRestoreArtifactsBulkAdditionRequests",
                        collectionOf(graph("mailboxRestoreArtifactsBulkAdditionRequest"))));

        ServiceModel model = ServiceModel.of(List.of(new BackupRestoreModel(), bulk));

        EntityType session = model.entityTypes().stream()
                .filter(type -> type.name().equals("exchangeRestoreSession")).findFirst().orElseThrow();
        assertThat(session.navigations()).extracting(NavigationProperty::name)
                .containsExactly("mailboxRestoreArtifacts", "mailboxRestoreArtifactsBulkAdditionRequests");
        assertThat(CsdlDocument.of(model)).contains("<EntityType Name=\"mailboxRestoreArtifactsBulkAdditionRequest\"");
    }

    @Test
    void a_part_that_names_a_type_nobody_declares_fails_when_the_model_is_built() {
        ServiceModelPart careless = model -> model.entityType(EntityType.derived("granularMailboxRestoreArtifact",
                graph("mailboxRestoreArtifact"), StructuralProperty.of("searchResponseId", graph("searchResponse"))));

        assertThatThrownBy(() -> ServiceModel.of(List.of(new BackupRestoreModel(), careless)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("granularMailboxRestoreArtifact names microsoft.graph.searchResponse, which the service "
                        + "model does not declare");
    }

    @Test
    void a_type_declared_twice_fails_when_the_model_is_built() {
        ServiceModelPart twice = model -> model.complexType(ComplexType.of("timePeriod"));

        assertThatThrownBy(() -> ServiceModel.of(List.of(new BackupRestoreModel(), twice)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("timePeriod is declared twice in the service model");
    }

    @Test
    void names_and_values_are_escaped_as_xml_requires() {
        ServiceModel model = ServiceModel.of(List.of(builder -> builder
                .enumType(EnumType.evolvable("quote\"and<angle", List.of("a&b"), List.of()))));

        assertThat(CsdlDocument.of(model)).contains("Name=\"quote&quot;and&lt;angle\"").contains("Name=\"a&amp;b\"");
    }
}
