package com.m365backup.restore.domain.session;

import com.fasterxml.jackson.annotation.JsonAutoDetect;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The artifacts of one session and what the session's rules ask of them, each answered in constant time whatever
 * the session's size (a session holds up to 10,000 mailboxes): which mailboxes it holds, its destination type, and
 * how many artifacts are being scheduled or have ended. The counts change only as events are applied, so they are
 * the same whether the session was built by its commands or replayed from its history.
 *
 * <p>Part of the session's snapshot (its fields are the stored shape; {@link RestoreSession} says when that shape
 * changes).
 */
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.ANY, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE,
        creatorVisibility = JsonAutoDetect.Visibility.NONE)
class SessionArtifacts {

    /** In the order they were added: activation schedules them in that order. */
    private final Map<String, MailboxRestoreArtifact> byId = new LinkedHashMap<>();
    private final Set<String> mailboxes = new HashSet<>();
    private DestinationType destinationType;
    private int scheduling;
    private int ended;
    private int succeeded;
    /** When the last of the ended artifacts ended; null while none has. */
    private Instant lastEndedAt;

    /**
     * The rules of adding one artifact, in the order Graph reports them (docs/api.md, PATCH per-item outcomes and
     * Create): a restore point the catalog holds, the session's destination type, a mailbox not yet in the session, a
     * restore point that has not expired, and room in the session.
     */
    void requireAddable(NewMailboxArtifact artifact, Instant now, int limit) {
        if (!artifact.catalogued()) {
            throw RestoreSessionRejected.unknownRestorePoint(artifact.restorePointId());
        }
        if (destinationType != null && destinationType != artifact.destinationType()) {
            throw RestoreSessionRejected.differentDestinationType(destinationType, artifact.destinationType());
        }
        if (mailboxes.contains(artifact.mailboxId())) {
            throw RestoreSessionRejected.mailboxAlreadyInSession(artifact.restorePointId());
        }
        if (artifact.restorePointExpiresAt() != null && !artifact.restorePointExpiresAt().isAfter(now)) {
            throw RestoreSessionRejected.restorePointExpired(artifact.restorePointId());
        }
        if (byId.size() >= limit) {
            throw RestoreSessionRejected.artifactLimitReached(limit);
        }
    }

    void add(MailboxArtifactAdded added) {
        add(new MailboxRestoreArtifact(added));
    }

    void add(GranularMailboxArtifactAdded added) {
        add(new MailboxRestoreArtifact(added));
    }

    private void add(MailboxRestoreArtifact artifact) {
        byId.put(artifact.artifactId(), artifact);
        mailboxes.add(artifact.mailboxId());
        destinationType = artifact.destinationType();
    }

    void remove(String artifactId) {
        MailboxRestoreArtifact removed = byId.remove(artifactId);
        if (removed != null) {
            mailboxes.remove(removed.mailboxId());
        }
        if (byId.isEmpty()) {
            destinationType = null;
        }
    }

    boolean contains(String artifactId) {
        return byId.containsKey(artifactId);
    }

    Optional<MailboxRestoreArtifact> find(String artifactId) {
        return Optional.ofNullable(byId.get(artifactId));
    }

    Collection<MailboxRestoreArtifact> all() {
        return byId.values();
    }

    int size() {
        return byId.size();
    }

    boolean isEmpty() {
        return byId.isEmpty();
    }

    void moveTo(String artifactId, ArtifactRestoreStatus next) {
        MailboxRestoreArtifact artifact = byId.get(artifactId);
        if (artifact.status() == ArtifactRestoreStatus.SCHEDULING) {
            scheduling--;
        }
        if (next == ArtifactRestoreStatus.SCHEDULING) {
            scheduling++;
        }
        artifact.moveTo(next);
    }

    void endAs(String artifactId, ArtifactRestoreStatus end, Instant at) {
        MailboxRestoreArtifact artifact = byId.get(artifactId);
        if (artifact.status() == ArtifactRestoreStatus.SCHEDULING) {
            scheduling--;
        }
        artifact.endAs(end, at);
        ended++;
        if (end == ArtifactRestoreStatus.SUCCEEDED) {
            succeeded++;
        }
        if (lastEndedAt == null || at.isAfter(lastEndedAt)) {
            lastEndedAt = at;
        }
    }

    /** Whether none is left in {@code scheduling}: an activating session is then active. */
    boolean noneScheduling() {
        return scheduling == 0;
    }

    boolean allEnded() {
        return ended == byId.size();
    }

    int succeeded() {
        return succeeded;
    }

    int failed() {
        return ended - succeeded;
    }

    /** The later of {@code now} and the end of the last artifact that ended. */
    Instant lastEndedAtOr(Instant now) {
        return lastEndedAt != null && lastEndedAt.isAfter(now) ? lastEndedAt : now;
    }
}
