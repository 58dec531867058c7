package dev.sleet.query;

import dev.sleet.schema.Column;

import java.util.Collection;
import java.util.Map;

/**
 * The step after {@code insert(table)}: the rows to insert.
 */
public interface InsertValuesStep {

    /**
     * Inserts one row from a record whose component names match the columns ({@code tenantId} ↔
     * {@code tenant_id}). Columns the record lacks take their defaults; a {@code null} component of a column
     * that has a default or identity also takes the default.
     *
     * @param row the record
     * @return the next step: on conflict, returning, execute
     */
    InsertOnConflictStep values(Record row);

    /**
     * Inserts one row given as column → value.
     *
     * @param row the values; columns left out take their defaults
     * @return the next step: on conflict, returning, execute
     */
    InsertOnConflictStep values(Map<? extends Column<?>, ?> row);

    /**
     * Inserts several rows in one statement; each element is a record or a {@code Map<Column, ?>}. Columns
     * that some rows lack take their defaults in those rows.
     *
     * <p>Any number of rows works: PostgreSQL takes at most 65,535 bind values per statement, so a larger
     * insert is executed as several statements of consecutive rows in one transaction (the caller's, inside
     * {@code transaction(...)}), with the counts summed and {@code returning} rows concatenated in order.
     * {@code toSql()} still renders it as the one statement it means. For very large loads,
     * {@code db.copyInto(table)} is faster.
     *
     * @param rows the rows, at least one
     * @return the next step: on conflict, returning, execute
     */
    InsertOnConflictStep values(Collection<?> rows);

    /**
     * Sets one column of the single inserted row: {@code insert(USERS).set(USERS.email, "a@b.c")}.
     *
     * @param column the column
     * @param value  the value, possibly {@code null}
     * @param <T>    the column type
     * @return the next step: more values, on conflict, returning, execute
     */
    <T> InsertSetMoreStep set(Column<T> column, T value);

    /**
     * Sets one column of the single inserted row to an expression.
     *
     * @param column the column
     * @param value  the expression
     * @param <T>    the column type
     * @return the next step: more values, on conflict, returning, execute
     */
    <T> InsertSetMoreStep set(Column<T> column, Field<T> value);

    /**
     * Sets a column to SQL null ({@code set(col, null)} is ambiguous between the value and expression forms).
     *
     * @param column the column
     * @return the next step: more values, on conflict, returning, execute
     */
    InsertSetMoreStep setNull(Column<?> column);

    /**
     * Inserts the rows of a select: {@code insert into t ("a", "b") select ...}. Each selected column (or alias)
     * names the target column it fills: {@code select(OLD.email, OLD.fullName.as("name"))}.
     *
     * @param select the rows to insert
     * @return the next step: on conflict, returning, execute
     * @throws IllegalArgumentException when a selected name is not a column of the table
     */
    InsertOnConflictStep select(Select select);

    /**
     * Inserts one row of defaults: {@code insert into t default values}.
     *
     * @return the next step: on conflict, returning, execute
     */
    InsertOnConflictStep defaultValues();
}
