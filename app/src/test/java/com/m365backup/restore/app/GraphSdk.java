package com.m365backup.restore.app;

import com.microsoft.graph.beta.serviceclient.GraphServiceClient;
import com.microsoft.kiota.authentication.AccessTokenProvider;
import com.microsoft.kiota.authentication.AllowedHostsValidator;
import com.microsoft.kiota.authentication.BaseBearerTokenAuthenticationProvider;
import okhttp3.OkHttpClient;

import java.net.URI;
import java.util.Map;

/**
 * The official Graph beta SDK's client, pointed at the application under test instead of Microsoft's service, and
 * sending a bearer token as it does to Graph.
 */
public final class GraphSdk {

    private GraphSdk() {
    }

    /** A client with {@link TestTokens#administrator()}'s token. */
    public static GraphServiceClient clientFor(int port) {
        return clientFor(port, TestTokens.administrator());
    }

    public static GraphServiceClient clientFor(int port, String token) {
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(
                new StaticToken(token, "127.0.0.1")));
        graph.getRequestAdapter().setBaseUrl("http://127.0.0.1:" + port + "/beta");
        return graph;
    }

    /**
     * A client through the given HTTP client (one that trusts a test's own certificate, say) to that base URL; the SDK
     * sends the token only to the base URL's host, and only over HTTPS.
     */
    public static GraphServiceClient clientFor(String baseUrl, String token, OkHttpClient http) {
        GraphServiceClient graph = new GraphServiceClient(new BaseBearerTokenAuthenticationProvider(
                new StaticToken(token, URI.create(baseUrl).getHost())), http);
        graph.getRequestAdapter().setBaseUrl(baseUrl);
        return graph;
    }

    /** The SDK asks its token provider for every request; tests hand it one token, for the one host they call. */
    private record StaticToken(String token, String host) implements AccessTokenProvider {

        @Override
        public String getAuthorizationToken(URI uri, Map<String, Object> additionalContext) {
            return token;
        }

        @Override
        public AllowedHostsValidator getAllowedHostsValidator() {
            return new AllowedHostsValidator(host);
        }
    }
}
