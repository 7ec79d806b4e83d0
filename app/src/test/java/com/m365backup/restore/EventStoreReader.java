package com.m365backup.restore;

import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Reads what the event store holds for a session, to prove what a request did or did not change. */
public record EventStoreReader(JdbcTemplate jdbc) {

    /** The simple names of the session's event types, in order. */
    public List<String> eventTypesOf(String sessionId) {
        return jdbc.queryForList("""
                        select payload_type from domain_event_entry
                        where aggregate_identifier = ? order by sequence_number""", String.class, sessionId)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    public long eventCount() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
