package dev.sleet.kit.snapshot;

/**
 * A column.
 *
 * @param name        the column name
 * @param type        the type as written in DDL: {@code bigint}, {@code varchar(255)}, {@code "user_role"},
 *                    {@code text[]}
 * @param notNull     {@code NOT NULL}
 * @param defaultSql  the default as an SQL expression ({@code 0}, {@code 'member'}, {@code now()}), or
 *                    {@code null}
 * @param identity    the identity generation, or {@code null}
 * @param generated   the expression of a stored generated column, or {@code null}
 * @param renamedFrom the name it had before, when the schema declares a rename, or {@code null}
 * @param comment     the comment, or {@code null}
 */
public record ColumnSnapshot(String name, String type, boolean notNull, String defaultSql, IdentitySnapshot identity,
                             String generated, String renamedFrom, String comment) {

    /**
     * A column without a comment.
     *
     * @param name        the column name
     * @param type        the type
     * @param notNull     {@code NOT NULL}
     * @param defaultSql  the default, or {@code null}
     * @param identity    the identity, or {@code null}
     * @param generated   the generated expression, or {@code null}
     * @param renamedFrom the previous name, or {@code null}
     */
    public ColumnSnapshot(String name, String type, boolean notNull, String defaultSql, IdentitySnapshot identity,
                          String generated, String renamedFrom) {
        this(name, type, notNull, defaultSql, identity, generated, renamedFrom, null);
    }

    /**
     * Returns this column with another name and no rename hint.
     *
     * @param newName the name
     * @return the column
     */
    public ColumnSnapshot withName(String newName) {
        return new ColumnSnapshot(newName, type, notNull, defaultSql, identity, generated, renamedFrom, comment);
    }

    /**
     * Returns this column with another {@code NOT NULL}.
     *
     * @param value the nullability
     * @return the column
     */
    public ColumnSnapshot withNotNull(boolean value) {
        return new ColumnSnapshot(name, type, value, defaultSql, identity, generated, renamedFrom, comment);
    }

    /**
     * Returns this column with a rename from another name recorded, as {@code renamedFrom(...)} in the schema
     * would record it; used when a person confirms a rename that the schema does not declare.
     *
     * @param oldName the name the column had before, or {@code null} for none
     * @return the column with the hint
     */
    public ColumnSnapshot withRenamedFrom(String oldName) {
        return new ColumnSnapshot(name, type, notNull, defaultSql, identity, generated, oldName, comment);
    }
}
