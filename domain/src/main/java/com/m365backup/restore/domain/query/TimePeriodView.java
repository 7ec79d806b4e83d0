package com.m365backup.restore.domain.query;

import java.time.OffsetDateTime;

/** Graph's timePeriod. */
public record TimePeriodView(OffsetDateTime startDateTime, OffsetDateTime endDateTime) {
}
