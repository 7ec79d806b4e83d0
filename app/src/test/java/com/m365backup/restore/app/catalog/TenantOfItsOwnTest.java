package com.m365backup.restore.app.catalog;

import com.m365backup.restore.app.GraphHttp;
import com.m365backup.restore.app.TestTokens;
import com.m365backup.restore.app.security.policy.Permission;
import com.m365backup.restore.query.restorepoint.RestorePointCatalogImport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

import java.util.List;
import java.util.UUID;

/**
 * A test of the catalog's endpoints that imports its units into a tenant of its own, so that it sees no other test's,
 * and reads them over HTTP as a user of that tenant who may read.
 */
abstract class TenantOfItsOwnTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected RestorePointCatalogImport catalogImport;

    protected String tenant;
    protected CatalogHttp catalog;
    protected GraphHttp http;

    @BeforeEach
    void aTenantOfItsOwn() {
        tenant = UUID.randomUUID().toString();
        catalog = new CatalogHttp(catalogImport, tenant);
        http = new GraphHttp(port).as(reader());
    }

    /** A token of a user of the tenant with the read permission only. */
    protected String reader() {
        return TestTokens.user(tenant, List.of(Permission.READ), List.of());
    }
}
