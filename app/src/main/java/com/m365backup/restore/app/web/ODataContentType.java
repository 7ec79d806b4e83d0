package com.m365backup.restore.app.web;

import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

import java.util.Map;

/** Labels JSON answers as Graph does, {@code application/json;odata.metadata=minimal}. */
@ControllerAdvice
class ODataContentType implements ResponseBodyAdvice<Object> {

    static final MediaType ODATA_JSON = new MediaType(MediaType.APPLICATION_JSON, Map.of("odata.metadata", "minimal"));

    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType selectedContentType,
                                  Class<? extends HttpMessageConverter<?>> selectedConverterType,
                                  ServerHttpRequest request, ServerHttpResponse response) {
        if (MediaType.APPLICATION_JSON.isCompatibleWith(selectedContentType)
                && selectedContentType.getParameter("odata.metadata") == null) {
            response.getHeaders().setContentType(ODATA_JSON);
        }
        return body;
    }
}
