package com.m365backup.restore.command.session;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

import java.util.List;

/**
 * The properties a client sets on a bulk addition request, as Graph spells them (docs/api.md, Bulk addition
 * requests), typed and bound by Jackson; each is null when the body leaves it out or sends null, but a list holds
 * strings only. What they may hold beyond their type ({@link BulkAdditionRequestReader}) is checked once all are
 * bound, so of a body's faults a value of the wrong type is the one refused before a value the rules refuse.
 */
record BulkAdditionRequestBody(
        @JsonProperty(MAILBOXES) @JsonSetter(contentNulls = Nulls.FAIL) List<String> mailboxes,
        @JsonProperty(DIRECTORY_OBJECT_IDS) @JsonSetter(contentNulls = Nulls.FAIL) List<String> directoryObjectIds,
        @JsonProperty(TIME_PERIOD) TimePeriod protectionTimePeriod,
        @JsonProperty(DESTINATION_TYPE) String destinationType,
        @JsonProperty(PREFERENCE) String restorePointPreference,
        @JsonProperty(TAGS) String tags,
        @JsonProperty(DISPLAY_NAME) String displayName) {

    static final String MAILBOXES = "mailboxes";
    static final String DIRECTORY_OBJECT_IDS = "directoryObjectIds";
    static final String TIME_PERIOD = "protectionTimePeriod";
    static final String DESTINATION_TYPE = "destinationType";
    static final String PREFERENCE = "restorePointPreference";
    static final String TAGS = "tags";
    static final String DISPLAY_NAME = "displayName";
    /** The settable properties, in the order their values are checked. */
    static final List<String> PROPERTIES = List.of(MAILBOXES, DIRECTORY_OBJECT_IDS, TIME_PERIOD, DESTINATION_TYPE,
            PREFERENCE, TAGS, DISPLAY_NAME);

    /** Graph's {@code timePeriod}; what else a client sends in it is not read. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record TimePeriod(
            @JsonProperty(START) String startDateTime,
            @JsonProperty(END) String endDateTime) {

        static final String START = "startDateTime";
        static final String END = "endDateTime";
        static final List<String> PROPERTIES = List.of(START, END);
    }
}
