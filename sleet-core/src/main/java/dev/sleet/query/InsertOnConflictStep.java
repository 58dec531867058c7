package dev.sleet.query;

import dev.sleet.schema.Column;

import java.util.List;
import java.util.function.Consumer;

/**
 * The {@code on conflict} step of an insert (upsert).
 */
public interface InsertOnConflictStep extends InsertReturningStep {

    /**
     * Skips rows that would violate a unique constraint: {@code on conflict (target) do nothing}. Without
     * columns, any constraint violation skips the row.
     *
     * @param target the conflict target columns (a unique constraint or index over exactly these), or none
     * @return the next step: returning, execute
     */
    InsertReturningStep onConflictDoNothing(Column<?>... target);

    /**
     * Chooses the conflict target columns, then {@code where(...)} for a partial unique index, then
     * {@code doNothing()} or {@code doUpdate(...)}.
     *
     * @param target the columns of a unique constraint or index
     * @return the step that completes the conflict clause
     */
    ConflictTargetStep onConflict(Column<?>... target);

    /**
     * Chooses the conflict target by constraint name: {@code on conflict on constraint "name"}.
     *
     * @param constraint a unique or exclusion constraint of the table
     * @return the step that completes the conflict clause
     */
    ConflictTargetStep onConflictOnConstraint(String constraint);

    /**
     * Inserts the given values into {@code generated always} identity columns too
     * ({@code overriding system value}), as when copying rows with their keys.
     *
     * @return this step
     */
    InsertOnConflictStep overridingSystemValue();

    /**
     * Updates the existing row on conflict with the target column:
     * {@code onConflictDoUpdate(USERS.email, set -> set.set(USERS.name, excluded(USERS.name)))}.
     *
     * @param target  the conflict target column
     * @param setters sets the columns to update and, optionally, a {@code where} on the existing row
     * @return the next step: returning, execute
     */
    InsertReturningStep onConflictDoUpdate(Column<?> target, Consumer<ConflictUpdate> setters);

    /**
     * Updates the existing row on conflict with the target columns.
     *
     * @param target  the conflict target columns
     * @param setters sets the columns to update and, optionally, a {@code where}
     * @return the next step: returning, execute
     */
    InsertReturningStep onConflictDoUpdate(List<? extends Column<?>> target, Consumer<ConflictUpdate> setters);
}
