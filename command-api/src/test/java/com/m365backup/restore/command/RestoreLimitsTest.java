package com.m365backup.restore.command;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;

/** The limits of a write default to docs/api.md's 50 and follow their properties. */
class RestoreLimitsTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withUserConfiguration(Limits.class);

    @EnableConfigurationProperties(RestoreLimits.class)
    static class Limits {
    }

    @Test
    void the_limits_default_to_fifty() {
        context.run(started -> assertThat(started.getBean(RestoreLimits.class))
                .isEqualTo(new RestoreLimits(50, 50, 1000)));
    }

    @Test
    void the_limits_follow_their_properties() {
        context.withPropertyValues("restore.limits.max-artifacts-per-create=7", "restore.limits.max-items-per-patch=9")
                .run(started -> assertThat(started.getBean(RestoreLimits.class))
                        .isEqualTo(new RestoreLimits(7, 9, 1000)));
    }
}
