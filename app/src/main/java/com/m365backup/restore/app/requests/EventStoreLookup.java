package com.m365backup.restore.app.requests;

import com.m365backup.restore.command.StoredEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Settles a write whose commit broke off: is its last event in {@code domain_event_entry}, stored by its request?
 * Asked on a new connection, a few times over a few seconds, since the database that broke the commit may be
 * restarting (the client is answered 503 if it is not back by then, and its write may still be there: the one case
 * the service cannot settle, said in docs/operations.md).
 */
@Component
class EventStoreLookup implements StoredEvents {

    private static final Logger log = LoggerFactory.getLogger(EventStoreLookup.class);
    private static final Duration PATIENCE = Duration.ofSeconds(5);
    private static final Duration PAUSE = Duration.ofMillis(250);

    private final JdbcTemplate jdbc;

    EventStoreLookup(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public boolean storedBy(String sessionId, long sequence, String requestId) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            try {
                Boolean stored = jdbc.queryForObject("""
                        select exists (select 1 from domain_event_entry
                            where aggregate_identifier = ? and sequence_number = ?
                              and convert_from(meta_data, 'UTF8')::jsonb ->> 'requestId' = ?)""",
                        Boolean.class, sessionId, sequence, requestId);
                log.info("A write to restore session {} whose commit broke off was {}", sessionId,
                        Boolean.TRUE.equals(stored) ? "stored" : "not stored");
                return Boolean.TRUE.equals(stored);
            } catch (DataAccessException unreachable) {
                if (System.nanoTime() > deadline) {
                    throw unreachable;
                }
                pause();
            }
        }
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE.toMillis());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while settling a write", interrupted);
        }
    }
}
