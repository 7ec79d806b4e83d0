package com.m365backup.restore.command.session;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/** The version an If-Match names, malformed members included: one that is not exactly an entity-tag names none. */
class SessionPreconditionsTest {

    private final SessionPreconditions preconditions = new SessionPreconditions(null);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "W/\"3\"|3",
            "\"3\"|3",
            "W/\"2\", W/\"4\"|4",
            "\"5\", junk, \"7\"|7",
            "\"not-a-version\"|-1",
            "W/ \"5\"|-1",
            "w/\"5\"|-1",
            "*x|-1",
            "\"5\"junk|-1",
            "\"\"|-1",
            "\"-5\"|-1",
            "\"5|-1",
            "\"5,6\"|-1"})
    void an_if_match_names_the_highest_version_of_its_well_formed_etags(String ifMatch, long version) {
        assertThat(preconditions.expectedVersion(ifMatch)).isEqualTo(version);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {" ", "*", "\"5\", *", " * "})
    void no_if_match_or_a_wildcard_names_no_version(String ifMatch) {
        assertThat(preconditions.expectedVersion(ifMatch)).isNull();
    }
}
