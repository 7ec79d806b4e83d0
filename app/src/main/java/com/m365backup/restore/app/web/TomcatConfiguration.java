package com.m365backup.restore.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;

/**
 * The servlet container as the API needs it: its own refusals in Graph's envelope ({@link GraphErrorReportValve}).
 */
// Not conditional on a web application: the filters that read HttpSettings are components of every mode.
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(HttpSettings.class)
class TomcatConfiguration {

    /**
     * Ordered last, so that it runs after Spring Boot's own customizer, which adds an {@link ErrorReportValve} of its
     * own (without stack traces, as {@code server.error.include-stacktrace=never} asks): that one goes, ours comes.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> graphErrorReports(ObjectMapper json) {
        return factory -> factory.addContextCustomizers(context -> {
            // Spring Boot adds the context to its host before customizing it, and before the host starts: the host
            // then finds a valve of the class it is told to use and adds no HTML error page of its own.
            if (context.getParent() instanceof StandardHost host) {
                for (Valve valve : host.getPipeline().getValves()) {
                    if (valve instanceof ErrorReportValve && !(valve instanceof GraphErrorReportValve)) {
                        host.getPipeline().removeValve(valve);
                    }
                }
                host.setErrorReportValveClass(GraphErrorReportValve.class.getName());
                host.getPipeline().addValve(new GraphErrorReportValve(json));
            }
        });
    }
}
