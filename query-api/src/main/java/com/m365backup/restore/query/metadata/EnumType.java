package com.m365backup.restore.query.metadata;

import java.util.ArrayList;
import java.util.List;

/**
 * An enum type and its members in declaration order, whose values are their positions (powers of two for flags).
 * Graph's enums are evolvable: {@code unknownFutureValue} is the sentinel after the members of the first release,
 * and members added later come after it; a client that does not say {@code Prefer: include-unknown-enum-members}
 * is shown the sentinel in their place (docs/api.md, Enums and their evolution).
 */
public record EnumType(String name, boolean flags, List<String> members) {

    public static final String SENTINEL = "unknownFutureValue";

    public EnumType {
        members = List.copyOf(members);
    }

    /** An evolvable enum: {@code known}, the sentinel, then the members added {@code later}. */
    public static EnumType evolvable(String name, List<String> known, List<String> later) {
        return new EnumType(name, false, membersOf(known, later));
    }

    /** An evolvable enum whose members may be combined ({@code "manual,dynamicRule"}). */
    public static EnumType evolvableFlags(String name, List<String> known, List<String> later) {
        return new EnumType(name, true, membersOf(known, later));
    }

    /** A member's value: its position, or for flags a bit of its own (the first, {@code none}, being 0). */
    public long valueOf(String member) {
        int position = members.indexOf(member);
        if (position < 0) {
            throw new IllegalArgumentException(member + " is not a member of " + name);
        }
        return flags ? (position == 0 ? 0 : 1L << (position - 1)) : position;
    }

    private static List<String> membersOf(List<String> known, List<String> later) {
        List<String> members = new ArrayList<>(known);
        members.add(SENTINEL);
        members.addAll(later);
        return members;
    }
}
