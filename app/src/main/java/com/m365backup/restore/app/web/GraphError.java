package com.m365backup.restore.app.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpStatusCode;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** Graph's error envelope: {@code {"error": {"code", "message", "innerError": {...}}}}. */
public record GraphError(Body error) {

    private static final DateTimeFormatter GRAPH_DATE = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    public record Body(String code, String message, InnerError innerError) {
    }

    public record InnerError(
            String date,
            @JsonProperty("request-id") String requestId,
            @JsonProperty("client-request-id") String clientRequestId) {
    }

    static GraphError of(String code, String message, HttpServletRequest request) {
        return of(code, message, (String) request.getAttribute(RequestIds.REQUEST_ID),
                (String) request.getAttribute(RequestIds.CLIENT_REQUEST_ID));
    }

    static GraphError of(String code, String message, String requestId, String clientRequestId) {
        String date = LocalDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS).format(GRAPH_DATE);
        return new GraphError(new Body(code, message, new InnerError(date, requestId, clientRequestId)));
    }

    /** Graph's generic code for a status, where no more specific one applies. */
    static String genericCode(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "BadRequest";
            case 401 -> "InvalidAuthenticationToken";
            case 403 -> "accessDenied";
            case 404 -> "itemNotFound";
            case 405 -> "MethodNotAllowed";
            case 406 -> "NotAcceptable";
            case 408 -> "RequestTimeout";
            case 409 -> "Conflict";
            case 412 -> "PreconditionFailed";
            case 413 -> "RequestEntityTooLarge";
            case 415 -> "UnsupportedMediaType";
            case 417 -> "ExpectationFailed";
            case 429 -> "TooManyRequests";
            case 431 -> "RequestHeaderFieldsTooLarge";
            case 501 -> "NotImplemented";
            case 503 -> "ServiceUnavailable";
            case 505 -> "HttpVersionNotSupported";
            default -> status.is4xxClientError() ? "BadRequest" : "InternalServerError";
        };
    }

    /** Graph's generic message for a status, a sentence that leaks nothing of the implementation. */
    static String genericMessage(HttpStatusCode status) {
        return switch (status.value()) {
            case 400 -> "The request is not valid.";
            case 401 -> "Access token is missing or invalid.";
            case 403 -> "The caller is not allowed to do this.";
            case 404 -> "The requested resource does not exist.";
            case 405 -> "This method is not allowed on this resource.";
            case 406 -> "The service cannot answer in any of the accepted formats; it answers application/json.";
            case 408 -> "The request was not received in time; send it again, whole.";
            case 413 -> "The request body is too large.";
            case 415 -> "The request body must be application/json.";
            case 417 -> "The service supports no expectation but 'Expect: 100-continue'.";
            case 501 -> "The service does not support this method.";
            case 503 -> "The service is temporarily unavailable; try again later.";
            case 505 -> "The service speaks HTTP/1.1 (and HTTP/1.0); send the request in it.";
            default -> status.is4xxClientError() ? "The request is not valid." : "An unexpected error occurred.";
        };
    }
}
