package com.m365backup.restore.app.web;

import com.m365backup.restore.domain.request.RequestRefused;
import jakarta.servlet.http.HttpServletRequest;
import org.apache.catalina.connector.ClientAbortException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestNotUsableException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;

/**
 * Turns every failure into Graph's error envelope, in one place. The API modules throw the domain's
 * {@link RequestRefused}, with its kind (and so its status), Graph code and a human message; Spring MVC's own failures
 * (415, 405, 404 ...) are {@link ErrorResponse}s and get Graph's generic codes. A database that cannot be reached is
 * a 503 with {@code Retry-After} ({@link DatabaseUnavailable}). A client that hung up gets nothing and a line at
 * DEBUG. Anything else is a 500 that says nothing of the implementation; its details go to the log with the request
 * id.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class GraphErrorAdvice {

    private static final Logger log = LoggerFactory.getLogger(GraphErrorAdvice.class);

    /** Spring MVC's own failures: Graph's generic code and sentence for their status, as their details are Spring's. */
    private ResponseEntity<GraphError> rejected(ErrorResponse error, HttpServletRequest request) {
        HttpStatusCode status = error.getStatusCode();
        if (error instanceof HttpMediaTypeNotAcceptableException) {
            request.removeAttribute("org.springframework.web.servlet.HandlerMapping.producibleMediaTypes");
        }
        return envelope(status, GraphError.genericCode(status), GraphError.genericMessage(status), request,
                error.getHeaders());
    }

    /** The API modules' refusals: the status of their kind, their code and sentence, and when to retry if they say. */
    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<GraphError> refused(RequestRefused refused, HttpServletRequest request) {
        HttpHeaders headers = refused.retryAfter().map(wait -> {
            HttpHeaders retry = new HttpHeaders();
            retry.set(HttpHeaders.RETRY_AFTER, Long.toString(wait.toSeconds()));
            return retry;
        }).orElse(null);
        return envelope(HttpStatusCode.valueOf(refused.kind().status()), refused.code(), refused.getMessage(),
                request, headers);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ResponseEntity<GraphError> unreadable(HttpServletRequest request) {
        return envelope(HttpStatus.BAD_REQUEST, "BadRequest",
                "The request body is missing or is not valid JSON.", request, null);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<GraphError> badParameter(MethodArgumentTypeMismatchException mismatch,
                                            HttpServletRequest request) {
        return envelope(HttpStatus.BAD_REQUEST, "BadRequest",
                "The value of '" + mismatch.getName() + "' is not valid.", request, null);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ResponseEntity<GraphError> missingParameter(MissingServletRequestParameterException missing,
                                                HttpServletRequest request) {
        return envelope(HttpStatus.BAD_REQUEST, "BadRequest",
                "The query parameter '" + missing.getParameterName() + "' is required.", request, null);
    }

    /** Spring Security's firewall checks a header's value when it is read, which may be in a controller. */
    @ExceptionHandler(RequestRejectedException.class)
    ResponseEntity<GraphError> rejected(HttpServletRequest request) {
        return envelope(HttpStatus.BAD_REQUEST, "BadRequest",
                "The request holds characters or sequences this service does not accept.", request, null);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ResponseEntity<GraphError> tooLarge(HttpServletRequest request) {
        return envelope(HttpStatus.PAYLOAD_TOO_LARGE, "RequestEntityTooLarge",
                GraphError.genericMessage(HttpStatus.PAYLOAD_TOO_LARGE), request, null);
    }

    @ExceptionHandler(Exception.class)
    ResponseEntity<GraphError> unexpected(Exception failure, HttpServletRequest request) {
        // ErrorResponse is an interface, so it cannot be named in @ExceptionHandler; it is told apart here.
        if (failure instanceof ErrorResponse error) {
            return rejected(error, request);
        }
        if (DatabaseUnavailable.causedBy(failure)) {
            // Expected while PostgreSQL is away (readiness shows it too): one line per request, not a stack trace.
            log.warn("PostgreSQL unreachable answering {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.toString());
            HttpHeaders headers = new HttpHeaders();
            headers.set(HttpHeaders.RETRY_AFTER, Long.toString(DatabaseUnavailable.RETRY_AFTER.toSeconds()));
            return envelope(HttpStatus.SERVICE_UNAVAILABLE, "ServiceUnavailable",
                    GraphError.genericMessage(HttpStatus.SERVICE_UNAVAILABLE), request, headers);
        }
        if (clientWentAway(failure)) {
            // The client hung up mid-response (a broken pipe): no fault of the service, and nobody left to answer.
            log.debug("The client went away during {} {}: {}", request.getMethod(), request.getRequestURI(),
                    failure.toString());
            return null;
        }
        log.error("Unexpected failure answering {} {}", request.getMethod(), request.getRequestURI(), failure);
        return envelope(HttpStatus.INTERNAL_SERVER_ERROR, "InternalServerError",
                GraphError.genericMessage(HttpStatus.INTERNAL_SERVER_ERROR), request, null);
    }

    /**
     * Writing the answer failed because the client's connection is gone: Spring's
     * {@link AsyncRequestNotUsableException} or Tomcat's {@link ClientAbortException}. Not Spring's
     * {@code DisconnectedClientHelper}, which takes any {@code EOFException} for one, also PostgreSQL's socket's.
     */
    private static boolean clientWentAway(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof AsyncRequestNotUsableException || cause instanceof ClientAbortException) {
                return true;
            }
        }
        return false;
    }

    private static ResponseEntity<GraphError> envelope(HttpStatusCode status, String code, String message,
                                                       HttpServletRequest request,
                                                       HttpHeaders headers) {
        ResponseEntity.BodyBuilder response = ResponseEntity.status(status).contentType(ODataContentType.ODATA_JSON);
        if (headers != null) {
            response.headers(headers);
        }
        return response.body(GraphError.of(code, message, request));
    }
}
