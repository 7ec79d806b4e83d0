package com.m365backup.restore.app.metadata;

import com.fasterxml.jackson.databind.JsonNode;
import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.IntegrationTest;
import com.m365backup.restore.app.RunningApplicationTest;
import com.m365backup.restore.app.TestCatalog;
import org.apache.olingo.client.core.ODataClientFactory;
import org.apache.olingo.commons.api.edm.Edm;
import org.apache.olingo.commons.api.edm.EdmAction;
import org.apache.olingo.commons.api.edm.EdmEntityType;
import org.apache.olingo.commons.api.edm.EdmEnumType;
import org.apache.olingo.commons.api.edm.EdmNavigationProperty;
import org.apache.olingo.commons.api.edm.EdmSingleton;
import org.apache.olingo.commons.api.edm.FullQualifiedName;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The CSDL document at {@code $metadata}, read by Apache Olingo's OData client as OData tooling reads it: the
 * entity types and their bases, the enums with their evolvable members, the {@code solutions} singleton and the
 * collections under {@code backupRestore}, the bound actions; and every {@code @odata.context} the service answers
 * resolves against it, with every property of the payload declared by its type.
 */
@IntegrationTest
class ServiceMetadataTest extends RunningApplicationTest {

    private static final String GRAPH = "microsoft.graph";
    private static final String ROOT = "/solutions/backupRestore";

    private Edm edm;

    @BeforeEach
    void readTheMetadata() {
        edm = parse(http.as(null).get("/beta/$metadata").body());
    }

    @Test
    void the_metadata_is_csdl_xml_at_the_root_and_under_each_version_and_needs_no_token() {
        List<GraphHttp.Response> answers = List.of(http.as(null).get("/$metadata"),
                http.as(null).get("/beta/$metadata"), http.get("/v1.0/$metadata"));

        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).isEqualTo(200);
            assertThat(answer.header("Content-Type")).startsWith("application/xml");
            assertThat(answer.header("OData-Version")).isEqualTo("4.0");
            assertThat(answer.header("request-id")).isNotBlank();
            assertThat(answer.body()).isEqualTo(answers.get(0).body());
        });
        assertThat(answers.get(0).body()).startsWith("<?xml").contains("Version=\"4.0\"");
    }

    @Test
    void the_metadata_takes_no_query_option() {
        GraphHttp.Response refused = http.get("/beta/$metadata?$filter=x%20eq%201");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorCode()).isEqualTo("BadRequest");
    }

    @Test
    void the_entity_types_derive_as_on_graph_and_carry_the_properties_the_service_shows() {
        EdmEntityType exchange = entityType("exchangeRestoreSession");
        EdmEntityType mailboxUnit = entityType("mailboxProtectionUnit");
        EdmEntityType artifact = entityType("mailboxRestoreArtifact");

        assertThat(exchange.getBaseType().getFullQualifiedName()).isEqualTo(qualified("restoreSessionBase"));
        assertThat(exchange.getBaseType().isAbstract()).isTrue();
        assertThat(exchange.getBaseType().getBaseType().getFullQualifiedName()).isEqualTo(qualified("entity"));
        assertThat(exchange.getKeyPredicateNames()).containsExactly("id");
        assertThat(exchange.getPropertyNames()).contains("id", "status", "createdBy", "createdDateTime",
                "lastModifiedBy", "lastModifiedDateTime", "completedDateTime", "error", "restoreJobType",
                "restoreSessionArtifactCount");
        assertThat(exchange.getStructuralProperty("status").getType().getFullQualifiedName())
                .isEqualTo(qualified("restoreSessionStatus"));
        assertThat(exchange.getStructuralProperty("restoreSessionArtifactCount").getType().getFullQualifiedName())
                .isEqualTo(qualified("restoreSessionArtifactCount"));
        assertThat(artifact.getBaseType().getFullQualifiedName()).isEqualTo(qualified("restoreArtifactBase"));
        assertThat(artifact.getNavigationProperty("restorePoint").getType().getFullQualifiedName())
                .isEqualTo(qualified("restorePoint"));
        assertThat(mailboxUnit.getBaseType().getFullQualifiedName()).isEqualTo(qualified("protectionUnitBase"));
        assertThat(mailboxUnit.getPropertyNames()).contains("id", "directoryObjectId", "displayName", "email",
                "mailboxType", "status", "policyId", "protectionSources", "createdDateTime", "lastModifiedDateTime",
                "backupRetentionPeriodInDays", "billingPolicyId", "offboardRequestedDateTime", "error");
        assertThat(entityType("restorePoint").getNavigationProperty("protectionUnit").getType()
                .getFullQualifiedName()).isEqualTo(qualified("protectionUnitBase"));
        assertThat(edm.getComplexType(qualified("identitySet")).isOpenType()).isTrue();
        assertThat(edm.getComplexType(qualified("publicError")).getPropertyNames())
                .contains("code", "message", "target", "details", "innerError");
    }

    @Test
    void the_enums_list_their_members_in_order_with_the_evolvable_ones_after_the_sentinel() {
        assertThat(enumType("restoreSessionStatus").getMemberNames()).containsExactly("draft", "activating",
                "active", "completedWithError", "completed", "unknownFutureValue", "failed");
        assertThat(enumType("artifactRestoreStatus").getMemberNames()).containsExactly("added", "scheduling",
                "scheduled", "inProgress", "succeeded", "failed", "unknownFutureValue");
        assertThat(enumType("destinationType").getMemberNames()).containsExactly("new", "inPlace",
                "unknownFutureValue");
        assertThat(enumType("restoreJobType").getMemberNames()).containsExactly("standard", "bulk",
                "unknownFutureValue", "granular");
        assertThat(enumType("protectionUnitStatus").getMemberNames()).startsWith("protectRequested", "protected")
                .contains("unknownFutureValue");
        assertThat(enumType("restorePointTags").isFlags()).isTrue();
        assertThat(enumType("restorePointTags").getMember("fastRestore").getValue()).isEqualTo("1");
        assertThat(enumType("restoreSessionStatus").getMember("failed").getValue()).isEqualTo("6");
    }

    @Test
    void the_solutions_singleton_leads_through_backup_restore_to_every_collection_the_service_serves() {
        EdmSingleton solutions = edm.getEntityContainer().getSingleton("solutions");
        EdmNavigationProperty backupRestore = solutions.getEntityType().getNavigationProperty("backupRestore");

        assertThat(solutions.getEntityType().getFullQualifiedName()).isEqualTo(qualified("solutionsRoot"));
        assertThat(backupRestore.containsTarget()).isTrue();
        assertThat(backupRestore.isCollection()).isFalse();
        EdmEntityType root = backupRestore.getType();
        assertThat(root.getFullQualifiedName()).isEqualTo(qualified("backupRestoreRoot"));
        assertThat(root.getNavigationPropertyNames()).containsExactlyInAnyOrder("exchangeRestoreSessions",
                "restoreSessions", "restorePoints", "protectionUnits", "mailboxProtectionUnits");
        assertThat(root.getNavigationPropertyNames()).allSatisfy(name -> {
            assertThat(root.getNavigationProperty(name).isCollection()).isTrue();
            assertThat(root.getNavigationProperty(name).containsTarget()).isTrue();
        });
        assertThat(root.getNavigationProperty("protectionUnits").getType().getFullQualifiedName())
                .isEqualTo(qualified("protectionUnitBase"));
        assertThat(entityType("exchangeRestoreSession").getNavigationProperty("mailboxRestoreArtifacts")
                .containsTarget()).isTrue();
    }

    @Test
    void activate_and_search_are_actions_bound_as_on_graph() {
        EdmAction activate = edm.getBoundAction(qualified("activate"), qualified("restoreSessionBase"), false);
        EdmAction search = edm.getBoundAction(qualified("search"), qualified("restorePoint"), true);

        assertThat(activate.getReturnType().getType().getFullQualifiedName())
                .isEqualTo(qualified("restoreSessionBase"));
        assertThat(search.getParameterNames()).containsExactly("bindingParameter", "protectionUnitIds",
                "protectionTimePeriod", "restorePointPreference", "tags", "artifactQuery");
        assertThat(search.getParameter("artifactQuery").getType().getFullQualifiedName())
                .isEqualTo(qualified("artifactQuery"));
        assertThat(search.getReturnType().getType().getFullQualifiedName())
                .isEqualTo(qualified("restorePointSearchResponse"));
    }

    @Test
    void every_odata_context_the_service_answers_resolves_to_what_the_payload_is() {
        String restorePoint = catalog.restorePoint("rp-metadata-" + UUID.randomUUID());
        GraphHttp.Response created = http.post("/beta" + ROOT + "/exchangeRestoreSessions", """
                {"mailboxRestoreArtifacts": [{"restorePoint": {"id": "%s"}, "destinationType": "new"}]}"""
                .formatted(restorePoint));
        String session = created.json().get("id").asText();
        String unit = http.get("/beta" + ROOT + "/restorePoints/" + restorePoint + "?$expand=protectionUnit")
                .json().at("/protectionUnit/id").asText();
        String bulk = bulkSessionActivated(catalog);
        String granular = granularSession(catalog);
        List<GraphHttp.Response> answers = new ArrayList<>();
        for (String version : List.of("", "/beta", "/v1.0")) {
            for (String path : List.of("/exchangeRestoreSessions?$expand=mailboxRestoreArtifacts&$top=5",
                    "/exchangeRestoreSessions?$select=status,createdBy&$top=5",
                    "/restoreSessions?$top=5",
                    "/exchangeRestoreSessions/" + session + "/mailboxRestoreArtifacts",
                    "/protectionUnits?$top=5",
                    "/protectionUnits/microsoft.graph.mailboxProtectionUnit?$top=5",
                    "/mailboxProtectionUnits?$top=5",
                    "/restorePoints?$expand=protectionUnit(%24filter%3Did%20eq%20'" + unit + "')",
                    "/exchangeRestoreSessions/" + bulk + "/mailboxRestoreArtifactsBulkAdditionRequests",
                    "/exchangeRestoreSessions/" + granular + "/granularMailboxRestoreArtifacts",
                    "/exchangeRestoreSessions?$expand=granularMailboxRestoreArtifacts,mailboxRestoreArtifacts"
                            + "&$top=1000")) {
                answers.add(http.get(version + ROOT + path));
            }
            answers.add(http.post(version + ROOT + "/restorePoints/search", """
                    {"protectionUnitIds": ["%s"], "protectionTimePeriod":
                      {"startDateTime": "2020-01-01T00:00:00Z", "endDateTime": "2040-01-01T00:00:00Z"}}"""
                    .formatted(unit)));
            answers.add(http.post(version + ROOT + "/restorePoints/search", """
                    {"protectionUnitIds": ["%s"], "protectionTimePeriod":
                      {"startDateTime": "2020-01-01T00:00:00Z", "endDateTime": "2040-01-01T00:00:00Z"},
                     "artifactQuery": {"artifactType": "message", "queryExpression": "subject:invoice"}}"""
                    .formatted(unit)));
        }

        ContextUrls contexts = new ContextUrls(edm);
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.status()).as(answer.body()).isEqualTo(200);
            String context = answer.json().get("@odata.context").asText();
            String metadata = context.substring(0, context.indexOf('#'));
            assertThat(metadata).endsWith("/$metadata");
            assertThat(http.get(metadata.substring(("http://127.0.0.1:" + port).length())).status())
                    .as("%s answers", metadata).isEqualTo(200);
            ContextUrls.Resolved resolved = contexts.resolve(context.substring(context.indexOf('#') + 1));
            JsonNode payload = answer.json();
            if (resolved.collection()) {
                assertThat(payload.get("value")).as(context).isNotEmpty();
                payload.get("value").forEach(member -> contexts.requireDeclared(resolved.type(), member, context));
            } else {
                contexts.requireDeclared(resolved.type(), payload, context);
            }
        });
    }

    @Test
    void a_bulk_and_a_granular_session_read_whole_are_what_their_types_declare() {
        String bulk = bulkSessionActivated(catalog);
        String granular = granularSession(catalog);
        ContextUrls contexts = new ContextUrls(edm);
        EdmEntityType session = entityType("exchangeRestoreSession");

        JsonNode bulkRead = http.get("/beta" + ROOT + "/exchangeRestoreSessions/" + bulk
                + "?$expand=mailboxRestoreArtifacts,mailboxRestoreArtifactsBulkAdditionRequests").json();
        JsonNode granularRead = http.get("/beta" + ROOT + "/exchangeRestoreSessions/" + granular
                + "?$expand=granularMailboxRestoreArtifacts", "Prefer", "include-unknown-enum-members").json();
        String requestId = bulkRead.get("mailboxRestoreArtifactsBulkAdditionRequests").get(0).get("id").asText();
        JsonNode request = http.get("/beta" + ROOT + "/exchangeRestoreSessions/" + bulk
                + "/mailboxRestoreArtifactsBulkAdditionRequests/" + requestId).json();

        contexts.requireDeclared(session, bulkRead, "a bulk session");
        contexts.requireDeclared(session, granularRead, "a granular session");
        contexts.requireDeclared(entityType("mailboxRestoreArtifactsBulkAdditionRequest"), request, "a request");
        assertThat(bulkRead.get("mailboxRestoreArtifactsBulkAdditionRequests").get(0).get("error").get("details"))
                .isNotEmpty();
        assertThat(granularRead.get("restoreJobType").asText()).isEqualTo("granular");
        assertThat(session.getNavigationProperty("granularMailboxRestoreArtifacts").containsTarget()).isTrue();
        assertThat(session.getNavigationProperty("mailboxRestoreArtifactsBulkAdditionRequests").containsTarget())
                .isTrue();
        assertThat(enumType("restoreArtifactsBulkRequestStatus").getMemberNames()).containsExactly("unknown",
                "active", "completed", "completedWithErrors", "unknownFutureValue");
    }

    /** A session of a bulk request that activation resolved, one mailbox known and one not. */
    private String bulkSessionActivated(TestCatalog catalog) {
        String mailbox = "metadata-bulk-" + UUID.randomUUID();
        catalog.onMailbox(mailbox, mailbox + "-rp");
        String session = http.post("/beta" + ROOT + "/exchangeRestoreSessions", "{}").json().get("id").asText();
        GraphHttp.Response requested = http.post("/beta" + ROOT + "/exchangeRestoreSessions/" + session
                + "/mailboxRestoreArtifactsBulkAdditionRequests", """
                {"mailboxes": ["%s", "%s-nobody@contoso.com"], "destinationType": "inPlace",
                 "protectionTimePeriod": {"startDateTime": "2020-01-01T00:00:00Z",
                                          "endDateTime": "2040-01-01T00:00:00Z"}}"""
                .formatted(TestCatalog.email(mailbox), mailbox));
        assertThat(requested.status()).as(requested.body()).isEqualTo(201);
        assertThat(http.post("/beta" + ROOT + "/restoreSessions/" + session + "/activate", "").status())
                .isEqualTo(200);
        return session;
    }

    private String granularSession(TestCatalog catalog) {
        String mailbox = "metadata-granular-" + UUID.randomUUID();
        catalog.onMailbox(mailbox, mailbox + "-rp");
        String searchResponseId = http.post("/beta" + ROOT + "/restorePoints/search", """
                {"protectionUnitIds": ["%s"], "protectionTimePeriod":
                  {"startDateTime": "2020-01-01T00:00:00Z", "endDateTime": "2040-01-01T00:00:00Z"},
                 "artifactQuery": {"artifactType": "message", "queryExpression": "subject:invoice"}}"""
                .formatted(mailbox)).json().get("searchResponseId").asText();
        GraphHttp.Response created = http.post("/beta" + ROOT + "/exchangeRestoreSessions", """
                {"granularMailboxRestoreArtifacts": [
                  {"restorePoint": {"id": "%s"}, "destinationType": "new", "searchResponseId": "%s"}]}"""
                .formatted(mailbox + "-rp", searchResponseId));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asText();
    }

    @Test
    void a_context_naming_what_the_document_does_not_declare_does_not_resolve() {
        ContextUrls contexts = new ContextUrls(edm);

        assertThat(contexts.resolve("solutions/backupRestore/restorePoints").type().getName())
                .isEqualTo("restorePoint");
        assertThat(contexts.resolve("microsoft.graph.restorePointSearchResponse").collection()).isFalse();
        // Graph's alias of its namespace, as the Graph SDKs write casts.
        assertThat(contexts.resolve("solutions/backupRestore/protectionUnits/graph.mailboxProtectionUnit").type()
                .getName()).isEqualTo("mailboxProtectionUnit");
        assertThatThrownBy(() -> contexts.resolve("solutions/backupRestore/siteProtectionUnits"))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> contexts.resolve("http://127.0.0.1/audit/restoreSessions"))
                .isInstanceOf(AssertionError.class);
    }

    private static Edm parse(String csdl) {
        return ODataClientFactory.getClient().getReader()
                .readMetadata(new ByteArrayInputStream(csdl.getBytes(StandardCharsets.UTF_8)));
    }

    private EdmEntityType entityType(String name) {
        EdmEntityType type = edm.getEntityType(qualified(name));
        assertThat(type).as(name).isNotNull();
        return type;
    }

    private EdmEnumType enumType(String name) {
        EdmEnumType type = edm.getEnumType(qualified(name));
        assertThat(type).as(name).isNotNull();
        return type;
    }

    private static FullQualifiedName qualified(String name) {
        return new FullQualifiedName(GRAPH, name);
    }
}
