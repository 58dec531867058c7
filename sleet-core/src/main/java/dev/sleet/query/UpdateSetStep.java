package dev.sleet.query;

import dev.sleet.schema.Column;

/**
 * The step after {@code update(table)}: the columns to set.
 */
public interface UpdateSetStep {

    /**
     * Sets a column to a value.
     *
     * @param column the column
     * @param value  the value, possibly {@code null}
     * @param <T>    the column type
     * @return the next step: more sets, where
     */
    <T> UpdateWhereStep set(Column<T> column, T value);

    /**
     * Sets a column to an expression, e.g. {@code set(POSTS.views, add(POSTS.views, 1))}.
     *
     * @param column the column
     * @param value  the expression
     * @param <T>    the column type
     * @return the next step: more sets, where
     */
    <T> UpdateWhereStep set(Column<T> column, Field<T> value);

    /**
     * Sets a column to SQL null ({@code set(col, null)} is ambiguous between the value and expression forms).
     *
     * @param column the column
     * @return the next step: more sets, where
     */
    UpdateWhereStep setNull(Column<?> column);
}
