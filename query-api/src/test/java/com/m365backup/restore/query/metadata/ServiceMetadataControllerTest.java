package com.m365backup.restore.query.metadata;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

import java.util.Map;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.xpath;

@WebMvcTest(controllers = ServiceMetadataController.class, properties = "spring.mvc.problemdetails.enabled=true")
@Import(BackupRestoreModel.class)
class ServiceMetadataControllerTest {

    private static final Map<String, String> CSDL = Map.of("edmx", "http://docs.oasis-open.org/odata/ns/edmx",
            "edm", "http://docs.oasis-open.org/odata/ns/edm");
    private static final String SCHEMA = "/edmx:Edmx/edmx:DataServices/edm:Schema";

    @Autowired
    MockMvc mvc;

    @Test
    void the_document_is_csdl_xml_of_graphs_namespace_with_its_alias() throws Exception {
        mvc.perform(get("/v1.0/$metadata"))
                .andExpect(status().isOk())
                .andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_XML))
                .andExpect(xpath("/edmx:Edmx/@Version", CSDL).string("4.0"))
                .andExpect(xpath(SCHEMA + "/@Namespace", CSDL).string("microsoft.graph"))
                .andExpect(xpath(SCHEMA + "/@Alias", CSDL).string("graph"))
                .andExpect(xpath("/edmx:Edmx/edmx:Reference/edmx:Include/@Alias", CSDL).string("Core"))
                .andExpect(xpath(SCHEMA + "/edm:EntityContainer/edm:Singleton[@Name='solutions']/@Type", CSDL)
                        .string("microsoft.graph.solutionsRoot"));
    }

    @Test
    void an_evolvable_member_comes_after_the_sentinel_with_the_next_value() throws Exception {
        String status = SCHEMA + "/edm:EnumType[@Name='restoreSessionStatus']";

        mvc.perform(get("/$metadata"))
                .andExpect(xpath(status + "/edm:Member", CSDL).nodeCount(7))
                .andExpect(xpath(status + "/edm:Member[6]/@Name", CSDL).string("unknownFutureValue"))
                .andExpect(xpath(status + "/edm:Member[7]/@Name", CSDL).string("failed"))
                .andExpect(xpath(status + "/edm:Member[7]/@Value", CSDL).string("6"))
                .andExpect(xpath(SCHEMA + "/edm:EnumType[@Name='protectionSource']/@IsFlags", CSDL).string("true"))
                .andExpect(xpath(SCHEMA + "/edm:EnumType[@Name='protectionSource']/edm:Member[@Name='dynamicRule']"
                        + "/@Value", CSDL).string("2"));
    }

    @Test
    void the_collections_under_backup_restore_are_contained_navigations() throws Exception {
        String root = SCHEMA + "/edm:EntityType[@Name='backupRestoreRoot']";

        mvc.perform(get("/beta/$metadata"))
                .andExpect(xpath(root + "/@BaseType", CSDL).string("microsoft.graph.entity"))
                .andExpect(xpath(root + "/edm:NavigationProperty[@Name='mailboxProtectionUnits']/@Type", CSDL)
                        .string("Collection(microsoft.graph.mailboxProtectionUnit)"))
                .andExpect(xpath(root + "/edm:NavigationProperty[@ContainsTarget='true']", CSDL).nodeCount(5))
                .andExpect(xpath(SCHEMA + "/edm:Action[@Name='activate']/edm:Parameter[1]/@Type", CSDL)
                        .string("microsoft.graph.restoreSessionBase"));
    }
}
