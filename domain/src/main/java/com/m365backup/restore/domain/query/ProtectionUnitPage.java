package com.m365backup.restore.domain.query;

import java.util.List;

/** One page of protection units, how many meet the list's conditions in all, and whether more follow this page. */
public record ProtectionUnitPage(List<MailboxProtectionUnitView> units, long total, boolean more) {

    public ProtectionUnitPage {
        units = List.copyOf(units);
    }
}
