package com.m365backup.restore.app.operations;

import com.m365backup.restore.app.security.localtokens.LocalTokenCommand;
import com.m365backup.restore.app.service.ServiceSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one line a newcomer looks for once the service has started: where it answers, where its Swagger UI is, the
 * command that prints a token for it (when it accepts local tokens) and its data folder (when it runs the embedded
 * PostgreSQL).
 */
@Component
class ReadyLog {

    private static final Logger log = LoggerFactory.getLogger(ReadyLog.class);

    private final Environment environment;
    private final Path dataDirectory;
    private final LocalTokenCommand tokenCommand;

    ReadyLog(Environment environment, ServiceSettings settings,
             LocalTokenCommand tokenCommand) {
        this.environment = environment;
        this.dataDirectory = settings.dataDirectory();
        this.tokenCommand = tokenCommand;
    }

    @EventListener
    void ready(ApplicationReadyEvent event) {
        if (event.getApplicationContext() instanceof ServletWebServerApplicationContext web) {
            log.info(line(web.getWebServer()));
        }
    }

    private String line(WebServer server) {
        boolean secure = server instanceof TomcatWebServer tomcat && tomcat.getTomcat().getConnector().getSecure();
        String host = environment.getProperty("server.address", "localhost");
        String base = (secure ? "https" : "http") + "://" + host + ":" + server.getPort();
        List<String> parts = new ArrayList<>();
        parts.add("Ready on " + base);
        if (environment.getProperty("springdoc.swagger-ui.enabled", Boolean.class, true)) {
            parts.add("Swagger UI at " + base + environment.getProperty("springdoc.swagger-ui.path",
                    "/swagger-ui.html"));
        }
        if (acceptsLocalTokens()) {
            parts.add("token: " + tokenCommand.line());
        }
        if (!StringUtils.hasText(environment.getProperty("spring.datasource.url"))) {
            parts.add("data in " + dataDirectory.toAbsolutePath());
        }
        return String.join("; ", parts);
    }

    private boolean acceptsLocalTokens() {
        return environment.getProperty("restore.security.local-tokens.enabled", Boolean.class, true)
                && !StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.issuer-uri"))
                && !StringUtils.hasText(environment.getProperty("spring.security.oauth2.resourceserver.jwt.jwk-set-uri"));
    }
}
