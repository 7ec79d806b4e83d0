package com.m365backup.restore.app;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;

/** Reads what the event store holds for a session, to prove what a request did or did not change. */
public record EventStoreReader(JdbcTemplate jdbc) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The simple names of the session's event types, in order. */
    public List<String> eventTypesOf(String sessionId) {
        return jdbc.queryForList("""
                        select payload_type from domain_event_entry
                        where aggregate_identifier = ? order by sequence_number""", String.class, sessionId)
                .stream()
                .map(type -> type.substring(type.lastIndexOf('.') + 1))
                .toList();
    }

    /** The metadata stored with each of the session's events, in order: who did it, in which tenant, ... */
    public List<JsonNode> metaDataOf(String sessionId) {
        return jdbc.queryForList("""
                        select convert_from(meta_data, 'UTF8') from domain_event_entry
                        where aggregate_identifier = ? order by sequence_number""", String.class, sessionId)
                .stream()
                .map(EventStoreReader::json)
                .toList();
    }

    private static JsonNode json(String text) {
        try {
            return JSON.readTree(text);
        } catch (JsonProcessingException failure) {
            throw new IllegalStateException("Stored metadata is not JSON: " + text, failure);
        }
    }

    /** How many sessions were ever created; unlike {@link #eventCount()}, no background restore moves it. */
    public long sessionsCreated() {
        Long count = jdbc.queryForObject(
                "select count(*) from domain_event_entry where payload_type like '%.RestoreSessionCreated'",
                Long.class);
        return count == null ? 0 : count;
    }

    /**
     * Events of the kinds a request writes: the restore engine's steps (scheduling, start and outcome of each
     * artifact, a session's start and end), which sessions activated by earlier tests write in the background, left
     * out.
     */
    public long requestEventCount() {
        Long count = jdbc.queryForObject("""
                select count(*) from domain_event_entry
                where payload_type not like '%.ArtifactRestore%'
                  and payload_type not like '%.RestoreSessionStarted'
                  and payload_type not like '%.RestoreSessionEnded'""", Long.class);
        return count == null ? 0 : count;
    }

    /** The sequence number of the session's latest snapshot, or null while it has none. */
    public Long snapshotAt(String sessionId) {
        return jdbc.query("select max(sequence_number) from snapshot_event_entry where aggregate_identifier = ?",
                rows -> rows.next() ? (Long) rows.getObject(1, Long.class) : null, sessionId);
    }

    public long eventCount() {
        Long count = jdbc.queryForObject("select count(*) from domain_event_entry", Long.class);
        return count == null ? 0 : count;
    }
}
