package com.m365backup.restore.domain.session;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * One condition of an {@link ArtifactQuery}: a message meets it when {@code property} matches any of the values
 * ({@code anyOf}), as a structured query's list of subjects matches a message with any of them.
 */
public record MessageCondition(MessageProperty property, List<String> anyOf) {

    public MessageCondition {
        anyOf = List.copyOf(anyOf);
    }

    public static MessageCondition of(MessageProperty property, String... anyOf) {
        return new MessageCondition(property, List.of(anyOf));
    }

    boolean matches(MailboxMessage message) {
        return anyOf.stream().anyMatch(value -> matches(message, value));
    }

    private boolean matches(MailboxMessage message, String value) {
        return switch (property) {
            case SUBJECT -> contains(message.subject(), value);
            case SENDER -> contains(message.sender(), value);
            case RECIPIENT -> message.recipients().stream().anyMatch(recipient -> contains(recipient, value));
            case HAS_ATTACHMENT -> message.hasAttachment() == Boolean.parseBoolean(value);
            case RECEIVED_ON_OR_AFTER -> !message.receivedAt().isBefore(Instant.parse(value));
            case RECEIVED_ON_OR_BEFORE -> !message.receivedAt().isAfter(Instant.parse(value));
        };
    }

    private static boolean contains(String text, String value) {
        return text != null && text.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
    }
}
