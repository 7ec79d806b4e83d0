package com.m365backup.restore.app.requests;

import com.m365backup.restore.command.CommandOrigin;
import com.m365backup.restore.command.CreateRequests;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The creates of the last day in {@code restore_session_create_request}, written on the connection of the create's
 * own transaction, so that the record and the session's events commit together or not at all. Rows older than a day
 * are deleted now and then as creates come in.
 */
@Component
class RecordedCreateRequests implements CreateRequests {

    /** How long a create is known by its request (docs/api.md: within 24 hours). */
    static final Duration REMEMBERED = Duration.ofHours(24);
    private static final Duration CLEANUP_EVERY = Duration.ofMinutes(1);

    private final JdbcTemplate jdbc;
    private final Clock clock;
    private final AtomicReference<Instant> lastCleanup = new AtomicReference<>(Instant.EPOCH);

    RecordedCreateRequests(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Override
    public Optional<Made> sessionMadeBy(CommandOrigin.CreateRequestKey request) {
        return jdbc.query("""
                        select session_id, session_version from restore_session_create_request
                        where tenant_id = ? and caller_id = ? and client_request_id = ? and body_digest = ?
                          and created_at > ?""",
                rows -> rows.next()
                        ? Optional.of(new Made(rows.getString(1), rows.getLong(2)))
                        : Optional.<Made>empty(),
                request.tenantId(), request.callerId(), request.clientRequestId(), request.bodyDigest(),
                clock.instant().minus(REMEMBERED).atOffset(ZoneOffset.UTC));
    }

    @Override
    public void record(CommandOrigin.CreateRequestKey request, Made made, Instant at) {
        forgetOldOnesNowAndThen(at);
        jdbc.update("""
                insert into restore_session_create_request
                    (tenant_id, caller_id, client_request_id, body_digest, session_id, session_version, created_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, caller_id, client_request_id, body_digest) do update
                    set session_id = excluded.session_id, session_version = excluded.session_version,
                        created_at = excluded.created_at""",
                request.tenantId(), request.callerId(), request.clientRequestId(), request.bodyDigest(),
                made.sessionId(), made.version(), at.atOffset(ZoneOffset.UTC));
    }

    private void forgetOldOnesNowAndThen(Instant now) {
        Instant last = lastCleanup.get();
        if (now.isAfter(last.plus(CLEANUP_EVERY)) && lastCleanup.compareAndSet(last, now)) {
            jdbc.update("delete from restore_session_create_request where created_at <= ?",
                    now.minus(REMEMBERED).atOffset(ZoneOffset.UTC));
        }
    }
}
