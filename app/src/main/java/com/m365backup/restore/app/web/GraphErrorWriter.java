package com.m365backup.restore.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

import java.io.IOException;

/**
 * Writes Graph's error envelope straight to a response, for answers given by servlet filters (body size, tokens,
 * permissions) before any controller or controller advice is involved.
 */
@Component
public class GraphErrorWriter {

    private final ObjectMapper json;

    GraphErrorWriter(ObjectMapper json) {
        this.json = json;
    }

    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String code,
                      String message) throws IOException {
        response.setStatus(status.value());
        // The same label as every other JSON answer (docs/api.md, Errors): a client that checks it sees no difference.
        response.setContentType(ODataContentType.ODATA_JSON.toString());
        json.writeValue(response.getOutputStream(), GraphError.of(code, message, request));
    }
}
