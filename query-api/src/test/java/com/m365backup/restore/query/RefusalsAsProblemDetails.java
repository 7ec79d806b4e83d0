package com.m365backup.restore.query;

import com.m365backup.restore.domain.request.RequestRefused;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Stands in for the application's Graph error advice in this module's slice tests: a refusal answers with the status
 * of its kind and a problem detail whose {@code detail} is its sentence and whose {@code code} is its Graph code, so
 * the tests see what the application renders without the application.
 */
@RestControllerAdvice
class RefusalsAsProblemDetails {

    @ExceptionHandler(RequestRefused.class)
    ResponseEntity<ProblemDetail> refused(RequestRefused refused) {
        HttpStatus status = HttpStatus.valueOf(refused.kind().status());
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, refused.getMessage());
        problem.setProperty("code", refused.code());
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(status);
        refused.retryAfter().ifPresent(wait -> answer.header(HttpHeaders.RETRY_AFTER,
                Long.toString(wait.toSeconds())));
        return answer.body(problem);
    }
}
