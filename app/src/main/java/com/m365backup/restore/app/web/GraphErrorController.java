package com.m365backup.restore.app.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Failures that happen before a controller is chosen (in the servlet container or a filter) reach {@code /error};
 * they get Graph's envelope too, never Spring's default page.
 */
@RestController
class GraphErrorController implements ErrorController {

    @RequestMapping(value = "/error", produces = MediaType.ALL_VALUE)
    ResponseEntity<GraphError> error(HttpServletRequest request) {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        HttpStatus status = code instanceof Integer value
                ? HttpStatus.resolve(value)
                : HttpStatus.INTERNAL_SERVER_ERROR;
        if (status == null || !status.isError()) {
            status = HttpStatus.INTERNAL_SERVER_ERROR;
        }
        return ResponseEntity.status(status)
                .contentType(ODataContentType.ODATA_JSON)
                .body(GraphError.of(GraphError.genericCode(status), GraphError.genericMessage(status), request));
    }
}
