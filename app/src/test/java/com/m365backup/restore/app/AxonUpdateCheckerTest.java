package com.m365backup.restore.app;

import org.axonframework.updates.configuration.UsagePropertyProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Axon's update checker calls an outside host; it must stay off unless a user turns it on. */
class AxonUpdateCheckerTest {

    private String before;

    @BeforeEach
    void forgetTheBuildsSetting() {
        before = System.clearProperty(AxonUpdateChecker.DISABLED_PROPERTY);
    }

    @AfterEach
    void restoreTheBuildsSetting() {
        if (before == null) {
            System.clearProperty(AxonUpdateChecker.DISABLED_PROPERTY);
        } else {
            System.setProperty(AxonUpdateChecker.DISABLED_PROPERTY, before);
        }
    }

    @Test
    void starting_the_service_turns_axons_update_checker_off() {
        AxonUpdateChecker.disableUnlessAsked();

        assertThat(UsagePropertyProvider.create().getDisabled()).isTrue();
    }

    @Test
    void a_user_who_asks_for_the_update_checker_keeps_it() {
        System.setProperty(AxonUpdateChecker.DISABLED_PROPERTY, "false");

        AxonUpdateChecker.disableUnlessAsked();

        assertThat(System.getProperty(AxonUpdateChecker.DISABLED_PROPERTY)).isEqualTo("false");
    }
}
