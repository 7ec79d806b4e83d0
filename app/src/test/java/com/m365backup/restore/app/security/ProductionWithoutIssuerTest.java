package com.m365backup.restore.app.security;

import com.m365backup.restore.app.RestoreSessionsApplication;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Secure by default: in production, without an issuer, the service refuses to start instead of running open. */
class ProductionWithoutIssuerTest {

    @Test
    void the_production_profile_without_an_issuer_does_not_start() {
        SpringApplicationBuilder production = new SpringApplicationBuilder(RestoreSessionsApplication.class)
                .profiles("production")
                .properties("restore.embedded-postgres.ephemeral=true", "server.port=0", "management.server.port=0");

        assertThatThrownBy(production::run)
                .rootCause()
                .hasMessageContaining("No token issuer is configured and local tokens are off");
    }
}
