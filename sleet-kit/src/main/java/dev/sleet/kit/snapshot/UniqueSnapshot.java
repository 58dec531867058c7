package dev.sleet.kit.snapshot;

import java.util.List;

/**
 * A unique constraint.
 *
 * @param name             the constraint name
 * @param columns          the columns, in order
 * @param nullsNotDistinct nulls count as equal
 */
public record UniqueSnapshot(String name, List<String> columns, boolean nullsNotDistinct) {

    /**
     * Copies the columns.
     *
     * @param name             the constraint name
     * @param columns          the columns
     * @param nullsNotDistinct nulls count as equal
     */
    public UniqueSnapshot {
        columns = List.copyOf(columns);
    }
}
