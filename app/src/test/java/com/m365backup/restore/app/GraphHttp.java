package com.m365backup.restore.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/**
 * Sends the raw requests a Graph client sends, to the application under test, over real HTTP, with a bearer token:
 * by default {@link TestTokens#administrator()}'s, or the one given by {@link #as(String)}.
 */
public final class GraphHttp {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private final String baseUrl;
    private final String token;

    public GraphHttp(int port) {
        this("http://127.0.0.1:" + port, TestTokens.administrator());
    }

    private GraphHttp(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** The same requests with another token; null sends none. */
    public GraphHttp as(String otherToken) {
        return new GraphHttp(baseUrl, otherToken);
    }

    public Response get(String path) {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** A GET with one more header, such as {@code Prefer}. */
    public Response get(String path, String header, String value) {
        return send(HttpRequest.newBuilder(uri(path)).header(header, value).GET());
    }

    public Response delete(String path) {
        return send(HttpRequest.newBuilder(uri(path)).DELETE());
    }

    public Response post(String path, String json) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    public Response patch(String path, String json) {
        return patch(path, json, "application/json");
    }

    public Response patch(String path, String body, String contentType) {
        return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", contentType)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Any request with the headers given as name-value pairs; the body, when not null, is sent as
     * {@code application/json} unless a {@code Content-Type} is among the headers.
     */
    public Response send(String method, String path, String body, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).method(method, body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        boolean typed = false;
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
            typed |= headers[i].equalsIgnoreCase("Content-Type");
        }
        if (body != null && !typed) {
            request.header("Content-Type", "application/json");
        }
        return send(request);
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private Response send(HttpRequest.Builder request) {
        HttpRequest built = request.build();
        if (token != null && built.headers().firstValue("Authorization").isEmpty()) {
            built = HttpRequest.newBuilder(built, (name, value) -> true)
                    .header("Authorization", "Bearer " + token)
                    .build();
        }
        try {
            HttpResponse<String> response = CLIENT.send(built, HttpResponse.BodyHandlers.ofString());
            return new Response(response);
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    /** An answer, with its body readable as JSON. */
    public record Response(HttpResponse<String> raw) {

        public int status() {
            return raw.statusCode();
        }

        public String body() {
            return raw.body();
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }

        public JsonNode json() {
            try {
                return JSON.readTree(raw.body());
            } catch (IOException failure) {
                throw new UncheckedIOException("Not JSON: " + raw.body(), failure);
            }
        }

        public String errorCode() {
            return json().path("error").path("code").asText();
        }
    }
}
