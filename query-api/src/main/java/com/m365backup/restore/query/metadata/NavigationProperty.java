package com.m365backup.restore.query.metadata;

/**
 * A property that leads to other entities. Contained ones ({@code containsTarget}) are reached only through their
 * parent, as Graph reaches everything under {@code solutions/backupRestore}; that is what lets a context URL such
 * as {@code $metadata#solutions/backupRestore/restoreSessions} name them without an entity set.
 *
 * @param type an entity type, or a collection of one, as {@link TypeNames} spells them
 */
public record NavigationProperty(String name, String type, boolean containsTarget) {

    public static NavigationProperty contained(String name, String type) {
        return new NavigationProperty(name, type, true);
    }

    public static NavigationProperty to(String name, String type) {
        return new NavigationProperty(name, type, false);
    }
}
