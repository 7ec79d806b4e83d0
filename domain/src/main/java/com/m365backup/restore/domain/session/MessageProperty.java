package com.m365backup.restore.domain.session;

/**
 * What a condition of an {@link ArtifactQuery} looks at in a message, as the KQL subset of Graph's granular search
 * names it (docs/api.md, Granular restore): its subject, sender, recipients, attachments, or when it was received.
 */
public enum MessageProperty {
    /** The subject contains the value, compared without regard to case. */
    SUBJECT,
    /** The sender's address contains the value, compared without regard to case. */
    SENDER,
    /** One of the recipients' addresses contains the value, compared without regard to case. */
    RECIPIENT,
    /** The message has attachments ({@code true}) or has none ({@code false}). */
    HAS_ATTACHMENT,
    /** The message was received at or after the value, an ISO-8601 instant. */
    RECEIVED_ON_OR_AFTER,
    /** The message was received at or before the value, an ISO-8601 instant. */
    RECEIVED_ON_OR_BEFORE
}
