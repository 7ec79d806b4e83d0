package com.m365backup.restore.command;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/**
 * A request the write side refuses as a whole, with Graph's error code and a sentence for a person; the application
 * renders it as Graph's error envelope (docs/api.md, Errors), so nothing else here writes that envelope.
 */
public class RequestRefused extends ErrorResponseException {

    public RequestRefused(HttpStatus status, String code, String message) {
        super(status, problem(status, code, message), null);
    }

    /** The Graph error code, as the application's error advice reads it from the problem detail. */
    public String code() {
        return (String) getBody().getProperties().get("code");
    }

    private static ProblemDetail problem(HttpStatus status, String code, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, message);
        problem.setProperty("code", code);
        return problem;
    }
}
