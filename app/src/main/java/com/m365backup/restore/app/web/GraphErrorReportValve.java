package com.m365backup.restore.app.web;

import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;

import java.io.IOException;
import java.io.Writer;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Tomcat's own answers in Graph's envelope: what Tomcat refuses before any filter or controller runs (a path with
 * {@code %2F} or {@code %00}, a request line or header too long, {@code CONNECT}, {@code HTTP/2.0} in the request
 * line, an {@code Expect} it does not know) is otherwise its HTML error page, without {@code request-id} (docs/api.md,
 * Answers that never contradict the store). Such a request never reached {@link RequestIds}: it gets a new
 * {@code request-id} here, and its {@code client-request-id} echoed when it is a safe one.
 *
 * <p>Replaces Tomcat's {@link ErrorReportValve} on the host; it acts only where nothing else answered, as that valve
 * does, so answers the service wrote itself pass untouched.
 */
public class GraphErrorReportValve extends ErrorReportValve {

    private static final Logger log = LoggerFactory.getLogger(GraphErrorReportValve.class);

    private final ObjectWriter json;

    GraphErrorReportValve(ObjectMapper json) {
        this.json = json.writer().with(JsonWriteFeature.ESCAPE_NON_ASCII);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(false);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status == HttpStatus.NOT_IMPLEMENTED.value() && "CONNECT".equals(request.getMethod())) {
            // Tomcat's 501 would count against the service as a server error; CONNECT is a method these resources
            // do not take, which the service answers 405 everywhere else.
            status = HttpStatus.METHOD_NOT_ALLOWED.value();
            response.setStatus(status);
            response.setHeader("Allow", "GET, POST, PATCH, DELETE");
            // What follows a CONNECT on the connection is a tunnel's bytes, never a request.
            response.setHeader("Connection", "close");
        }
        String requestId = attributeOr(request, RequestIds.REQUEST_ID, UUID.randomUUID().toString());
        String clientRequestId = attributeOr(request, RequestIds.CLIENT_REQUEST_ID,
                RequestIds.echoed(request.getHeader(RequestIds.CLIENT_REQUEST_ID)));
        HttpStatusCode code = HttpStatusCode.valueOf(status);
        try {
            response.setHeader(RequestIds.REQUEST_ID, requestId);
            response.setHeader(RequestIds.CLIENT_REQUEST_ID, clientRequestId);
            response.setHeader("OData-Version", "4.0");
            // Labelled as every other JSON answer, without a charset: the envelope is written in ASCII (anything
            // else escaped), which reads the same in UTF-8, JSON's encoding, and in the writer's ISO-8859-1.
            response.setContentType(ODataContentType.ODATA_JSON.toString());
            Writer writer = response.getReporter();
            if (writer != null) {
                writer.write(json.writeValueAsString(GraphError.of(GraphError.genericCode(code), message(code),
                        requestId, clientRequestId)));
                response.finishResponse();
            }
        } catch (IOException | IllegalStateException cannotAnswer) {
            // The connection is gone or the answer began already: there is nobody left to tell.
        }
        // One line, as the request log gives every answer of the service; never the request's own text.
        log.info("Refused by the HTTP server before the service saw it: {} request-id={} client-request-id={}", status,
                requestId, clientRequestId);
    }

    private static String message(HttpStatusCode status) {
        return status.value() == HttpStatus.BAD_REQUEST.value()
                ? "The request could not be read: its request line, path or a header is malformed or too long."
                : GraphError.genericMessage(status);
    }

    private static String attributeOr(Request request, String name, String otherwise) {
        Object value = request.getAttribute(name);
        return value != null ? value.toString() : otherwise;
    }
}
