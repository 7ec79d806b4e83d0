package com.m365backup.restore.domain.session;

import java.time.Instant;
import java.util.List;

/** A message of a mailbox as a granular search looks at it (docs/api.md, Granular restore). */
public record MailboxMessage(String subject, String sender, List<String> recipients, Instant receivedAt,
                             boolean hasAttachment) {

    public MailboxMessage {
        recipients = List.copyOf(recipients);
    }
}
