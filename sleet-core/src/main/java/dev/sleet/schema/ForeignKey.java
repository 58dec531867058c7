package dev.sleet.schema;

import java.util.List;

/**
 * A foreign key, from a column's {@code references(...)} or a table's {@code foreignKey(name)}.
 *
 * @param name     the constraint name
 * @param columns  the referencing columns of this table
 * @param targets  the referenced columns, in the same order
 * @param onDelete the {@code ON DELETE} action
 * @param onUpdate the {@code ON UPDATE} action
 */
public record ForeignKey(String name, List<Column<?>> columns, List<Column<?>> targets, OnDelete onDelete,
                         OnUpdate onUpdate) {

    /**
     * Copies the column lists.
     *
     * @param name     the constraint name
     * @param columns  the referencing columns of this table
     * @param targets  the referenced columns, in the same order
     * @param onDelete the {@code ON DELETE} action
     * @param onUpdate the {@code ON UPDATE} action
     */
    public ForeignKey {
        columns = List.copyOf(columns);
        targets = List.copyOf(targets);
    }

    /**
     * Returns the referenced table.
     *
     * @return the table of the target columns
     */
    public Table targetTable() {
        return targets.get(0).table();
    }
}
