package com.m365backup.restore.query.graph;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * Failures as the application's error advice expects them: a problem detail whose {@code detail} is the sentence for
 * the caller and whose {@code code} property is the Graph error code; the advice wraps them in Graph's envelope.
 */
public final class GraphErrors {

    private GraphErrors() {
    }

    public static ErrorResponseException of(HttpStatus status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("code", code);
        return new ErrorResponseException(status, problem, null);
    }

    public static ErrorResponseException badRequest(String message) {
        return of(HttpStatus.BAD_REQUEST, "BadRequest", message);
    }
}
