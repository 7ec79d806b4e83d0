package com.m365backup.restore.app.readmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;

import static com.m365backup.restore.app.GraphPaths.SESSIONS;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OData query options of the collections over real HTTP on PostgreSQL: filters, orders, selections, counts and
 * next links that stay right while sessions are added.
 */
@IntegrationTest
class CollectionQueryOptionsTest extends RunningApplicationTest {

    private String since;

    @BeforeEach
    void connect() {
        since = Instant.now().truncatedTo(ChronoUnit.MILLIS).toString();
    }

    @Test
    void a_filtered_list_newest_first_pages_through_every_session_once_while_sessions_are_added() {
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            created.add(createSession());
        }
        String filter = "$filter=createdDateTime%20ge%20" + since + "%20and%20status%20eq%20'draft'";

        GraphHttp.Response first = http.get(SESSIONS + "?" + filter
                + "&$orderby=createdDateTime%20desc&$top=2&$count=true");
        String addedMeanwhile = createSession();
        GraphHttp.Response second = http.get(relative(first.json().get("@odata.nextLink").asText()));

        assertThat(first.status()).as(first.body()).isEqualTo(200);
        assertThat(first.json().get("@odata.count").asLong()).isEqualTo(3);
        assertThat(ids(first)).containsExactly(created.get(2), created.get(1));
        assertThat(second.status()).as(second.body()).isEqualTo(200);
        assertThat(ids(second)).containsExactly(created.get(0)).doesNotContain(addedMeanwhile);
        assertThat(second.json().has("@odata.nextLink")).isFalse();
        assertThat(second.json().get("@odata.count").asLong()).isEqualTo(4);
    }

    @Test
    void the_oldest_first_order_and_a_status_that_no_session_has_are_honoured() {
        String older = createSession();
        String newer = createSession();
        String created = "createdDateTime%20ge%20" + since;

        GraphHttp.Response ascending = http.get(SESSIONS + "?$filter=" + created
                + "&$orderby=lastModifiedDateTime%20asc");
        GraphHttp.Response active = http.get(SESSIONS + "?$filter=" + created + "%20and%20status%20eq%20'active'");
        GraphHttp.Response notDraft = http.get("/v1.0/solutions/backupRestore/restoreSessions?$filter=" + created
                + "%20and%20status%20ne%20'draft'");

        assertThat(ids(ascending)).containsExactly(older, newer);
        assertThat(ids(active)).isEmpty();
        assertThat(ids(notDraft)).isEmpty();
    }

    @Test
    void a_selection_shows_the_id_the_annotations_and_the_selected_properties_only() {
        String session = createSession();

        GraphHttp.Response one = http.get(SESSIONS + "/" + session + "?$select=status,restoreSessionArtifactCount");
        GraphHttp.Response listed = http.get(SESSIONS + "?$filter=createdDateTime%20ge%20" + since + "&$select=status");

        assertThat(one.status()).as(one.body()).isEqualTo(200);
        assertThat(fieldNames(one.json())).containsExactlyInAnyOrder("@odata.type", "@odata.etag", "id", "status",
                "restoreSessionArtifactCount");
        assertThat(fieldNames(listed.json().get("value").get(0)))
                .containsExactlyInAnyOrder("@odata.type", "@odata.etag", "id", "status");
    }

    @Test
    void the_artifacts_of_a_session_filter_on_their_status() {
        String session = createSession();
        String artifacts = SESSIONS + "/" + session + "/mailboxRestoreArtifacts";

        GraphHttp.Response added = http.get(artifacts + "?$filter=status%20eq%20'added'&$count=true");
        GraphHttp.Response other = http.get(artifacts + "?$filter=status%20ne%20'added'");
        GraphHttp.Response unknown = http.get(artifacts + "?$filter=status%20eq%20'lost'");

        assertThat(added.json().get("value")).hasSize(1);
        assertThat(added.json().get("@odata.count").asLong()).isEqualTo(1);
        assertThat(other.json().get("value")).isEmpty();
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void an_option_or_a_property_that_is_not_supported_is_a_bad_request_naming_it() {
        GraphHttp.Response option = http.get(SESSIONS + "?$apply=groupby((status))");
        GraphHttp.Response property = http.get(SESSIONS + "?$filter=completedDateTime%20eq%20null");
        GraphHttp.Response operator = http.get(SESSIONS + "?$filter=createdDateTime%20gt%20" + since);

        assertThat(option.status()).isEqualTo(400);
        assertThat(option.json().get("error").get("message").asText()).contains("'$apply'");
        assertThat(property.status()).isEqualTo(400);
        assertThat(property.json().get("error").get("message").asText()).contains("'completedDateTime'");
        assertThat(operator.status()).isEqualTo(400);
        assertThat(operator.json().get("error").get("message").asText()).contains("'gt'");
    }

    private String createSession() {
        GraphHttp.Response created = http.post(SESSIONS, """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(catalog.restorePoint("rp-options-" + UUID.randomUUID())));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    private String relative(String link) {
        return link.substring(("http://127.0.0.1:" + port).length());
    }

    private static List<String> ids(GraphHttp.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("value").spliterator(), false)
                .map(session -> session.get("id").asText())
                .toList();
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
