package com.m365backup.restore.query.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * An entity type of the model.
 *
 * @param baseType the qualified type it derives from, or null
 * @param key      the names of its key properties; empty when it has a base type (which carries the key) or is only
 *                 ever a singleton, as Graph's {@code solutionsRoot}
 */
public record EntityType(String name, String baseType, boolean isAbstract, List<String> key,
                         List<StructuralProperty> properties, List<NavigationProperty> navigations) {

    public EntityType {
        key = List.copyOf(key);
        properties = List.copyOf(properties);
        navigations = List.copyOf(navigations);
    }

    /** A type derived from {@code baseType}, with these properties of its own. */
    public static EntityType derived(String name, String baseType, StructuralProperty... properties) {
        return new EntityType(name, baseType, false, List.of(), List.of(properties), List.of());
    }

    public EntityType asAbstract() {
        return new EntityType(name, baseType, true, key, properties, navigations);
    }

    public EntityType with(NavigationProperty... more) {
        List<NavigationProperty> all = new ArrayList<>(navigations);
        all.addAll(List.of(more));
        return new EntityType(name, baseType, isAbstract, key, properties, all);
    }

    public EntityType with(StructuralProperty... more) {
        List<StructuralProperty> all = new ArrayList<>(properties);
        all.addAll(List.of(more));
        return new EntityType(name, baseType, isAbstract, key, all, navigations);
    }
}
