package com.m365backup.restore.domain.query;

import java.time.Instant;
import java.util.List;

/**
 * Asks for a page of a tenant's protection units (mailboxes) that meet every condition, oldest in the catalog first,
 * starting after {@code after} when it is given (docs/api.md, Finding what can be restored); answers a
 * {@link ProtectionUnitPage} whose total counts every unit that meets the conditions.
 *
 * @param top   the page size; 0 asks for the total only
 * @param after the last unit of the previous page, or null for the first page: a page starts after a unit rather
 *              than after a number of them, so that units imported meanwhile neither repeat nor hide one
 */
public record ListProtectionUnits(String tenantId, List<Condition> conditions, int top, Position after) {

    public ListProtectionUnits {
        conditions = List.copyOf(conditions);
    }

    /** The properties of a protection unit a list can be filtered by. */
    public enum Property {
        EMAIL,
        DISPLAY_NAME,
        DIRECTORY_OBJECT_ID
    }

    /**
     * How a condition compares: the whole value, or how it starts; either without regard to case, as Graph's
     * directory compares names and addresses.
     */
    public enum Match {
        EQUALS,
        STARTS_WITH
    }

    /** One condition of {@code $filter}. */
    public record Condition(Property property, Match match, String value) {
    }

    /** Where the previous page ended: its last unit's createdDateTime and id. */
    public record Position(Instant createdDateTime, String protectionUnitId) {
    }
}
