package dev.sleet.kit.diff;

import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.Objects;

/**
 * The name of a table as a change refers to it.
 *
 * @param schema the schema, or {@code null} for the default ({@code search_path})
 * @param name   the table name
 */
public record TableName(String schema, String name) {

    /**
     * Checks the name.
     *
     * @param schema the schema, or {@code null}
     * @param name   the table name
     */
    public TableName {
        Objects.requireNonNull(name, "name");
    }

    /**
     * Returns the name of a table snapshot.
     *
     * @param table the table
     * @return its name
     */
    public static TableName of(TableSnapshot table) {
        return new TableName(table.schema(), table.name());
    }

    /**
     * Returns the same table under another name in the same schema.
     *
     * @param newName the new name
     * @return the renamed table name
     */
    public TableName withName(String newName) {
        return new TableName(schema, newName);
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }
}
