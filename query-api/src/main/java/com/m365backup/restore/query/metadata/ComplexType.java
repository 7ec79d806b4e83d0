package com.m365backup.restore.query.metadata;

import java.util.List;

/**
 * A complex type: a structured value without identity, such as {@code identitySet} or {@code publicError}.
 *
 * @param open whether instances may carry properties the type does not declare (Graph's identitySet is open)
 */
public record ComplexType(String name, boolean open, List<StructuralProperty> properties,
                          List<NavigationProperty> navigations) {

    public ComplexType {
        properties = List.copyOf(properties);
        navigations = List.copyOf(navigations);
    }

    public static ComplexType of(String name, StructuralProperty... properties) {
        return new ComplexType(name, false, List.of(properties), List.of());
    }

    public ComplexType asOpen() {
        return new ComplexType(name, true, properties, navigations);
    }

    public ComplexType with(NavigationProperty... more) {
        return new ComplexType(name, open, properties, List.of(more));
    }
}
