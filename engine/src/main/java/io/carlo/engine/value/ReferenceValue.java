package io.carlo.engine.value;

import java.util.List;

/**
 * A reference to one or more areas (more than one for a union such as {@code (A1:A3,C1)} or a 3-D
 * reference such as {@code Sheet1:Sheet3!B2}). It is read lazily, through the evaluation context,
 * because some functions want the reference itself, not the values.
 */
public record ReferenceValue(List<Area> areas) implements Value {

    public ReferenceValue {
        areas = List.copyOf(areas);
        if (areas.isEmpty()) {
            throw new IllegalArgumentException("a reference needs at least one area");
        }
    }

    public static ReferenceValue of(Area area) {
        return new ReferenceValue(List.of(area));
    }

    public boolean isSingleArea() {
        return areas.size() == 1;
    }

    public Area first() {
        return areas.get(0);
    }
}
