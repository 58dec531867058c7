package dev.sleet.query;

import dev.sleet.schema.Column;

/**
 * Collects the {@code do update set ...} part of an upsert inside
 * {@code onConflictDoUpdate(target, set -> set.set(USERS.name, excluded(USERS.name)).where(...))}.
 * Used only inside that lambda.
 */
public interface ConflictUpdate {

    /**
     * Sets a column of the existing row to a value.
     *
     * @param column the column
     * @param value  the value, possibly {@code null}
     * @param <T>    the column type
     * @return this collector
     */
    <T> ConflictUpdate set(Column<T> column, T value);

    /**
     * Sets a column of the existing row to an expression, typically {@code excluded(column)}.
     *
     * @param column the column
     * @param value  the expression
     * @param <T>    the column type
     * @return this collector
     */
    <T> ConflictUpdate set(Column<T> column, Field<T> value);

    /**
     * Sets a column to SQL null ({@code set(col, null)} is ambiguous between the value and expression forms).
     *
     * @param column the column
     * @return this collector
     */
    ConflictUpdate setNull(Column<?> column);

    /**
     * Updates the existing row only when the condition holds ({@code do update set ... where ...}); rows that
     * fail it are left as they are.
     *
     * @param condition the condition over the existing row and {@code excluded}
     * @return this collector
     */
    ConflictUpdate where(Condition condition);

    /**
     * The same as {@link #where(Condition)}: the condition on the existing row for the update to happen.
     *
     * @param condition the condition
     * @return this collector
     */
    ConflictUpdate setWhere(Condition condition);

    /**
     * The predicate of a partial unique index the conflict target refers to
     * ({@code on conflict ("email") where deleted_at is null do update ...}).
     *
     * @param condition the index predicate
     * @return this collector
     */
    ConflictUpdate targetWhere(Condition condition);
}
