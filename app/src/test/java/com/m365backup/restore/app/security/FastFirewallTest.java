package com.m365backup.restore.app.security;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The firewall's loop says what Spring Security's own expression says of header and parameter text. */
class FastFirewallTest {

    /** Spring Security's StrictHttpFirewall default. */
    private static final Pattern SPRING_SECURITY = Pattern.compile("[\\p{IsAssigned}&&[^\\p{IsControl}]]*");

    @ParameterizedTest
    @ValueSource(strings = {"", "Bearer eyJhbGciOiJSUzI1NiJ9.e30.c2ln", "日本語", "Ünïcødé ☃", "emoji 😀 pair",
            "tab\there", "new\nline", "nul\u0000", "del\u007f", "c1\u0085", "unassigned \u0378", "lone \ud800 high"})
    void agrees_with_spring_securitys_expression(String text) {
        assertThat(FastFirewall.assignedAndNoControl(text)).isEqualTo(SPRING_SECURITY.matcher(text).matches());
    }
}
