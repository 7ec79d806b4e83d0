package com.m365backup.restore.domain.query;

import java.util.List;

/** The artifacts of a session; {@code sessionFound} is false when the tenant has no such session. */
public record ArtifactList(boolean sessionFound, List<MailboxRestoreArtifactView> artifacts) {
}
