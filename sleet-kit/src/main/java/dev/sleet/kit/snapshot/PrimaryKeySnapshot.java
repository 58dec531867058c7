package dev.sleet.kit.snapshot;

import java.util.List;

/**
 * A primary key.
 *
 * @param name    the constraint name
 * @param columns the key columns, in order
 */
public record PrimaryKeySnapshot(String name, List<String> columns) {

    /**
     * Copies the columns.
     *
     * @param name    the constraint name
     * @param columns the key columns
     */
    public PrimaryKeySnapshot {
        columns = List.copyOf(columns);
    }
}
