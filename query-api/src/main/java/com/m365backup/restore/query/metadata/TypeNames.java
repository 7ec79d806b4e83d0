package com.m365backup.restore.query.metadata;

/** How CSDL names types: Edm's primitives, this service's types in Graph's namespace, and collections of either. */
public final class TypeNames {

    /** Graph's namespace: clients and the {@code @odata.type} of every payload name types in it. */
    public static final String NAMESPACE = "microsoft.graph";
    /** Graph's alias of its namespace: the Graph SDKs write type casts with it ({@code graph.mailboxProtectionUnit}). */
    public static final String ALIAS = "graph";

    public static final String STRING = "Edm.String";
    public static final String INT32 = "Edm.Int32";
    public static final String DATE_TIME = "Edm.DateTimeOffset";
    public static final String BOOLEAN = "Edm.Boolean";

    private TypeNames() {
    }

    /** A type of Graph's namespace by its simple name, e.g. {@code microsoft.graph.restorePoint}. */
    public static String graph(String name) {
        return NAMESPACE + "." + name;
    }

    public static String collectionOf(String type) {
        return "Collection(" + type + ")";
    }
}
