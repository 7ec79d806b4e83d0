package com.m365backup.restore.domain.session;

import org.axonframework.serialization.Revision;

import java.time.Instant;

/**
 * A session that had ended longer ago than the retention left every Graph path; its history stays for audit
 * (docs/api.md, Retention).
 */
@Revision("1")
public record RestoreSessionRetired(String sessionId, Instant retiredAt) implements RestoreSessionEvent {

    @Override
    public <R> R accept(Visitor<R> visitor) {
        return visitor.on(this);
    }
}
