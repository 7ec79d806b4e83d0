package com.m365backup.restore.app.web;

import org.springframework.context.annotation.Configuration;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.converter.json.AbstractJackson2HttpMessageConverter;
import org.springframework.http.converter.json.MappingJackson2HttpMessageConverter;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

import java.util.List;

/**
 * Graph answers JSON (docs/api.md, Errors, headers, paging), and an Accept the service cannot serve is a 406: Jackson's
 * other formats (XML, CBOR, Smile) are left out even when a library brings them onto the classpath, as an OData
 * client library does in the tests, so that no Accept ever turns an answer into another format.
 */
@Configuration(proxyBeanMethods = false)
class JsonOnly implements WebMvcConfigurer {

    @Override
    public void extendMessageConverters(List<HttpMessageConverter<?>> converters) {
        converters.removeIf(converter -> converter instanceof AbstractJackson2HttpMessageConverter
                && !(converter instanceof MappingJackson2HttpMessageConverter));
    }
}
