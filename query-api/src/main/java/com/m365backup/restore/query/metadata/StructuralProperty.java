package com.m365backup.restore.query.metadata;

/**
 * A property holding a value: a primitive ({@code Edm.String}), a complex type, an enum or a collection of one.
 *
 * @param type a qualified type name, as {@link TypeNames} spells them
 */
public record StructuralProperty(String name, String type, boolean nullable) {

    public static StructuralProperty of(String name, String type) {
        return new StructuralProperty(name, type, true);
    }

    public static StructuralProperty required(String name, String type) {
        return new StructuralProperty(name, type, false);
    }
}
