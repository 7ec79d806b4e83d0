package com.m365backup.restore.app;

import com.m365backup.restore.query.restorepoint.RestorePointCatalogImport;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What a test of the running application ({@link IntegrationTest}, {@link FastRestores}) works with: Graph HTTP with
 * the administrator's token, a catalog to put restore points of its own into, in the default tenant, and the event
 * store to check what a request wrote.
 */
public abstract class RunningApplicationTest {

    @LocalServerPort
    protected int port;

    @Autowired
    protected JdbcTemplate jdbc;

    @Autowired
    protected RestorePointCatalogImport catalogImport;

    @Value("${restore.default-tenant-id}")
    protected String tenant;

    protected GraphHttp http;
    protected TestCatalog catalog;
    protected EventStoreReader events;

    @BeforeEach
    void connectToTheApplication() {
        http = new GraphHttp(port);
        catalog = new TestCatalog(catalogImport, tenant);
        events = new EventStoreReader(jdbc);
    }
}
