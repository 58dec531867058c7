package dev.sleet.query;

import dev.sleet.schema.Column;

/**
 * The step after {@code set(...)} on an insert: more columns, or what follows.
 */
public interface InsertSetMoreStep extends InsertOnConflictStep {

    /**
     * Sets another column of the inserted row.
     *
     * @param column the column
     * @param value  the value, possibly {@code null}
     * @param <T>    the column type
     * @return this step
     */
    <T> InsertSetMoreStep set(Column<T> column, T value);

    /**
     * Sets another column of the inserted row to an expression.
     *
     * @param column the column
     * @param value  the expression
     * @param <T>    the column type
     * @return this step
     */
    <T> InsertSetMoreStep set(Column<T> column, Field<T> value);

    /**
     * Sets a column to SQL null ({@code set(col, null)} is ambiguous between the value and expression forms).
     *
     * @param column the column
     * @return this step
     */
    InsertSetMoreStep setNull(Column<?> column);
}
