package com.m365backup.restore.domain.query;

import java.time.Instant;
import java.util.List;

/**
 * Asks the restore point catalog for a tenant's restore points of some protection units taken within a time window,
 * newest first (docs/api.md, Finding what can be restored); answers a {@code List<RestorePointView>} with protection
 * units.
 *
 * @param preference {@code null} for every restore point in the window, else only the latest or the oldest of each
 *                   protection unit
 * @param tag        {@code null} for any tag, else only restore points carrying it ({@code none}, {@code fastRestore})
 */
public record SearchRestorePoints(
        String tenantId,
        List<String> protectionUnitIds,
        Instant from,
        Instant to,
        Preference preference,
        String tag) {

    public SearchRestorePoints {
        protectionUnitIds = List.copyOf(protectionUnitIds);
    }

    /** Graph's restorePointPreference: which one restore point per protection unit a search answers. */
    public enum Preference {
        LATEST,
        OLDEST
    }
}
