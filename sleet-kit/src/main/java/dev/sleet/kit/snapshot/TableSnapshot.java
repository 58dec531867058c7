package dev.sleet.kit.snapshot;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;
import java.util.Optional;

/**
 * A table with everything that belongs to it.
 *
 * @param schema      the schema, or {@code null} for the default
 * @param name        the table name
 * @param renamedFrom the name it had before, when the schema declares a rename, or {@code null}
 * @param columns     the columns, in declaration order
 * @param primaryKey  the primary key, or {@code null}
 * @param uniques     unique constraints, sorted by name
 * @param foreignKeys foreign keys, sorted by name
 * @param checks      check constraints, sorted by name
 * @param indexes     indexes, sorted by name
 * @param rowLevelSecurity      {@code ENABLE ROW LEVEL SECURITY}
 * @param forceRowLevelSecurity {@code FORCE ROW LEVEL SECURITY}
 * @param policies    row-level security policies, sorted by name
 * @param comment     the comment, or {@code null}
 * @param grants      privileges granted to roles, sorted by role
 */
public record TableSnapshot(String schema, String name, String renamedFrom, List<ColumnSnapshot> columns,
                            PrimaryKeySnapshot primaryKey, List<UniqueSnapshot> uniques,
                            List<ForeignKeySnapshot> foreignKeys, List<CheckSnapshot> checks,
                            List<IndexSnapshot> indexes,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean rowLevelSecurity,
                            @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean forceRowLevelSecurity,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<PolicySnapshot> policies,
                            String comment,
                            @JsonInclude(JsonInclude.Include.NON_EMPTY) List<GrantSnapshot> grants) {

    /**
     * Copies the lists.
     *
     * @param schema      the schema, or {@code null}
     * @param name        the table name
     * @param renamedFrom the previous name, or {@code null}
     * @param columns     the columns
     * @param primaryKey  the primary key, or {@code null}
     * @param uniques     unique constraints
     * @param foreignKeys foreign keys
     * @param checks      check constraints
     * @param indexes     indexes
     * @param rowLevelSecurity      row-level security on
     * @param forceRowLevelSecurity row-level security forced on the owner
     * @param policies    the policies; {@code null} reads as none (snapshots written before policies existed)
     * @param comment     the comment, or {@code null}
     * @param grants      the grants; {@code null} reads as none (snapshots written before grants existed)
     */
    @JsonCreator
    public TableSnapshot {
        columns = List.copyOf(columns);
        uniques = List.copyOf(uniques);
        foreignKeys = List.copyOf(foreignKeys);
        checks = List.copyOf(checks);
        indexes = List.copyOf(indexes);
        policies = policies == null ? List.of() : List.copyOf(policies);
        grants = grants == null ? List.of() : List.copyOf(grants);
    }

    /**
     * A table without row-level security or comment.
     *
     * @param schema      the schema, or {@code null}
     * @param name        the table name
     * @param renamedFrom the previous name, or {@code null}
     * @param columns     the columns
     * @param primaryKey  the primary key, or {@code null}
     * @param uniques     unique constraints
     * @param foreignKeys foreign keys
     * @param checks      check constraints
     * @param indexes     indexes
     */
    public TableSnapshot(String schema, String name, String renamedFrom, List<ColumnSnapshot> columns,
                         PrimaryKeySnapshot primaryKey, List<UniqueSnapshot> uniques,
                         List<ForeignKeySnapshot> foreignKeys, List<CheckSnapshot> checks,
                         List<IndexSnapshot> indexes) {
        this(schema, name, renamedFrom, columns, primaryKey, uniques, foreignKeys, checks, indexes, false, false,
                List.of(), null, List.of());
    }

    /**
     * Returns this table with other columns.
     *
     * @param newColumns the columns
     * @return the table
     */
    public TableSnapshot withColumns(List<ColumnSnapshot> newColumns) {
        return new TableSnapshot(schema, name, renamedFrom, newColumns, primaryKey, uniques, foreignKeys, checks,
                indexes, rowLevelSecurity, forceRowLevelSecurity, policies, comment, grants);
    }

    /**
     * Returns {@code schema.name}, or the bare name; for messages and ordering.
     *
     * @return the qualified name
     */
    public String qualifiedName() {
        return schema == null ? name : schema + "." + name;
    }

    /**
     * Finds a column.
     *
     * @param columnName the column name
     * @return the column, if present
     */
    public Optional<ColumnSnapshot> column(String columnName) {
        return columns.stream().filter(c -> c.name().equals(columnName)).findFirst();
    }

    /**
     * Returns this table with a rename from another name recorded, as {@code renamedFrom(...)} in the schema
     * would record it.
     *
     * @param oldName the name the table had before, or {@code null} for none
     * @return the table with the hint
     */
    public TableSnapshot withRenamedFrom(String oldName) {
        return new TableSnapshot(schema, name, oldName, columns, primaryKey, uniques, foreignKeys, checks, indexes,
                rowLevelSecurity, forceRowLevelSecurity, policies, comment, grants);
    }
}
