package com.m365backup.restore.app;

import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.graph.beta.solutions.backuprestore.exchangerestoresessions.ExchangeRestoreSessionsRequestBuilder;
import org.junit.jupiter.api.BeforeEach;

/**
 * A {@link RunningApplicationTest} that is a client of the application through the official Graph beta SDK
 * ({@link GraphSdk}), as the administrator, starting from its Exchange restore sessions.
 */
public abstract class GraphSdkTest extends RunningApplicationTest {

    protected GraphServiceClient graph;
    protected ExchangeRestoreSessionsRequestBuilder sessions;

    @BeforeEach
    void connectTheSdk() {
        graph = GraphSdk.clientFor(port);
        sessions = graph.solutions().backupRestore().exchangeRestoreSessions();
    }
}
