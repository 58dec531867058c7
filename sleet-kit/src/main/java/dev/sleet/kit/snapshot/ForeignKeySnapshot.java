package dev.sleet.kit.snapshot;

import java.util.List;

/**
 * A foreign key.
 *
 * @param name          the constraint name
 * @param columns       the referencing columns, in order
 * @param targetSchema  the referenced table's schema, or {@code null}
 * @param targetTable   the referenced table
 * @param targetColumns the referenced columns, in order
 * @param onDelete      the {@code ON DELETE} action as SQL ({@code no action}, {@code cascade}, ...)
 * @param onUpdate      the {@code ON UPDATE} action as SQL
 */
public record ForeignKeySnapshot(String name, List<String> columns, String targetSchema, String targetTable,
                                 List<String> targetColumns, String onDelete, String onUpdate) {

    /**
     * Copies the column lists.
     *
     * @param name          the constraint name
     * @param columns       the referencing columns
     * @param targetSchema  the referenced schema, or {@code null}
     * @param targetTable   the referenced table
     * @param targetColumns the referenced columns
     * @param onDelete      the {@code ON DELETE} action
     * @param onUpdate      the {@code ON UPDATE} action
     */
    public ForeignKeySnapshot {
        columns = List.copyOf(columns);
        targetColumns = List.copyOf(targetColumns);
    }
}
