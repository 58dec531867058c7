package dev.sleet.schema;

import java.util.List;

/**
 * A table's primary key.
 *
 * @param name    the constraint name ({@code <table>_pkey}, as PostgreSQL names it)
 * @param columns the key columns, in order
 */
public record PrimaryKey(String name, List<Column<?>> columns) {

    /**
     * Copies the column list.
     *
     * @param name    the constraint name
     * @param columns the key columns, in order
     */
    public PrimaryKey {
        columns = List.copyOf(columns);
    }
}
