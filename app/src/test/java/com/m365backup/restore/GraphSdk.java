package com.m365backup.restore;

import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AnonymousAuthenticationProvider;

/** The official Graph beta SDK's client, pointed at the application under test instead of Microsoft's service. */
public final class GraphSdk {

    private GraphSdk() {
    }

    public static GraphServiceClient clientFor(int port) {
        GraphServiceClient graph = new GraphServiceClient(new AnonymousAuthenticationProvider());
        graph.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + port + "/beta");
        return graph;
    }
}
