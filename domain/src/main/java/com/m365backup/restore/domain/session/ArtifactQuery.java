package com.m365backup.restore.domain.session;

import java.util.List;

/**
 * Which messages of a mailbox a granular restore restores (docs/api.md, Granular restore): those that meet every
 * condition. A KQL {@code queryExpression} and a {@code structuredQueryExpression} both come to this: each KQL term
 * joined by {@code AND} is one condition, each property of a structured query one condition matching any of its
 * values. It travels with the artifact in its events, so that the restore restores what the search found.
 *
 * @param queryExpression the KQL the client wrote, kept as written for the record; null for a structured query
 */
public record ArtifactQuery(String queryExpression, List<MessageCondition> conditions) {

    public ArtifactQuery {
        conditions = List.copyOf(conditions);
    }

    /** Whether the message is one the query asks for. */
    public boolean matches(MailboxMessage message) {
        return conditions.stream().allMatch(condition -> condition.matches(message));
    }
}
