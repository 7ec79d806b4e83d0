package com.m365backup.restore.app.engine;

import com.m365backup.restore.domain.session.ArtifactQuery;
import com.m365backup.restore.domain.session.MailboxMessage;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/**
 * The messages the simulated mailbox store holds for one protection unit (docs/api.md, Granular restore): derived
 * from the unit's id alone, the same on every node and in every run, so that a search's hit count and the restore it
 * leads to agree and tests can predict both. Between 40 and 120 messages, received in 2025 and 2026, each with a
 * subject of {@link #TOPICS} and a number, a sender and one to three recipients of {@link #PEOPLE} at
 * {@code contoso.com}, and an attachment on about three in ten.
 */
public final class SyntheticMailbox {

    public static final List<String> TOPICS = List.of("Quarterly report", "Invoice", "Project Phoenix",
            "Team offsite", "Contract renewal", "Security review", "Budget", "Customer feedback", "Travel itinerary",
            "Weekly status");
    public static final List<String> PEOPLE = List.of("adele.vance", "alex.wilber", "megan.bowen", "lee.gu",
            "nestor.wilke", "patti.fernandez", "diego.siciliani", "lynne.robbins");
    private static final String DOMAIN = "@contoso.com";
    private static final Instant FIRST = Instant.parse("2025-01-01T00:00:00Z");
    private static final int SECONDS_IN_TWO_YEARS = 730 * 86_400;

    private final List<MailboxMessage> messages;

    private SyntheticMailbox(List<MailboxMessage> messages) {
        this.messages = List.copyOf(messages);
    }

    public static SyntheticMailbox of(String protectionUnitId) {
        Random random = new Random(seed(protectionUnitId));
        int count = 40 + random.nextInt(81);
        List<MailboxMessage> messages = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            String subject = TOPICS.get(random.nextInt(TOPICS.size())) + " " + (1 + random.nextInt(99));
            String sender = PEOPLE.get(random.nextInt(PEOPLE.size())) + DOMAIN;
            Set<String> recipients = new LinkedHashSet<>();
            int recipientCount = 1 + random.nextInt(3);
            while (recipients.size() < recipientCount) {
                recipients.add(PEOPLE.get(random.nextInt(PEOPLE.size())) + DOMAIN);
            }
            Instant received = FIRST.plusSeconds(random.nextInt(SECONDS_IN_TWO_YEARS));
            boolean attachment = random.nextInt(10) < 3;
            messages.add(new MailboxMessage(subject, sender, List.copyOf(recipients), received, attachment));
        }
        return new SyntheticMailbox(messages);
    }

    /** How many of its messages the query finds. */
    public int count(ArtifactQuery query) {
        return (int) messages.stream().filter(query::matches).count();
    }

    private static long seed(String protectionUnitId) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(protectionUnitId.getBytes(StandardCharsets.UTF_8));
            return ByteBuffer.wrap(digest).getLong();
        } catch (NoSuchAlgorithmException impossible) {
            throw new IllegalStateException("Every JVM has SHA-256", impossible);
        }
    }
}
