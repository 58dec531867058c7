package dev.sleet.schema;

import java.util.List;

/**
 * A unique constraint over one or more columns.
 *
 * @param name             the constraint name
 * @param columns          the columns
 * @param nullsNotDistinct nulls count as equal (PostgreSQL 15+)
 */
public record UniqueConstraint(String name, List<Column<?>> columns, boolean nullsNotDistinct) {

    /**
     * Copies the column list.
     *
     * @param name             the constraint name
     * @param columns          the columns
     * @param nullsNotDistinct nulls count as equal
     */
    public UniqueConstraint {
        columns = List.copyOf(columns);
    }
}
