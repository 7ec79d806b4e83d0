package com.m365backup.restore.app.tls;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.ssl.SslBundleRegistrar;
import org.springframework.boot.web.server.Ssl;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.server.ConfigurableServletWebServerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

import java.time.Clock;

/**
 * {@code restore.tls.self-signed=true}: the API port answers HTTPS only, on {@link SelfSignedCertificate}, served as a
 * Spring Boot SSL bundle (docs/operations.md, HTTPS on the embedded default). The management port stays plain HTTP on
 * the loopback interface. For a certificate of your own, leave this off and use Spring Boot's {@code server.ssl.bundle}
 * with {@code spring.ssl.bundle.*}.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "restore.tls.self-signed", havingValue = "true")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SelfSignedTlsConfiguration {

    static final String BUNDLE = "restore-self-signed";

    @Bean
    SelfSignedCertificate selfSignedCertificate(SelfSignedTlsProperties settings, Clock clock) {
        return SelfSignedCertificate.loadOrCreate(settings.folder(), clock);
    }

    @Bean
    SslBundleRegistrar selfSignedBundle(SelfSignedCertificate certificate) {
        return registry -> registry.registerBundle(BUNDLE, certificate.bundle());
    }

    /** After Spring Boot's own customizer, which sets {@code server.ssl} (unset here) on the same factory. */
    @Bean
    WebServerFactoryCustomizer<ConfigurableServletWebServerFactory> httpsOnTheSelfSignedBundle() {
        return new OrderedCustomizer();
    }

    private static final class OrderedCustomizer
            implements WebServerFactoryCustomizer<ConfigurableServletWebServerFactory>, Ordered {

        @Override
        public void customize(ConfigurableServletWebServerFactory factory) {
            factory.setSsl(Ssl.forBundle(BUNDLE));
        }

        @Override
        public int getOrder() {
            return Ordered.LOWEST_PRECEDENCE;
        }
    }
}
