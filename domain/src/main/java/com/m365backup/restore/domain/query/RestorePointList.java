package com.m365backup.restore.domain.query;

import java.util.List;

/** The restore points a list shows, and how many meet its conditions in all (more than shown when it was cut). */
public record RestorePointList(List<RestorePointView> restorePoints, long total) {

    public RestorePointList {
        restorePoints = List.copyOf(restorePoints);
    }
}
