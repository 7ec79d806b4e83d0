package com.m365backup.restore.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

/** What tests check in the service's answers and stored JSON, the same way everywhere. */
public final class GraphAnswers {

    private static final ObjectMapper JSON = new ObjectMapper();

    private GraphAnswers() {
    }

    /** JSON text, expected or stored, as a tree to compare with an answer's. */
    public static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (IOException notJson) {
            throw new UncheckedIOException("Not JSON: " + text, notJson);
        }
    }

    /** A Graph error with this status and code, and a message. */
    public static void assertGraphError(GraphHttp.Response response, int status, String code) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        assertThat(response.errorCode()).as(response.body()).isEqualTo(code);
        assertThat(response.json().get("error").get("message").asText()).isNotBlank();
    }
}
