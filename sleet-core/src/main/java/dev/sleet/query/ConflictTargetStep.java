package dev.sleet.query;

import java.util.function.Consumer;

/**
 * Completes an {@code on conflict} clause whose target was chosen with {@code onConflict(columns...)} or
 * {@code onConflictOnConstraint(name)}.
 */
public interface ConflictTargetStep {

    /**
     * Names the predicate of the partial unique index the target columns refer to.
     *
     * @param condition the index predicate
     * @return this step
     */
    ConflictTargetStep where(Condition condition);

    /**
     * {@code do nothing}: conflicting rows are skipped.
     *
     * @return the next step: returning, execute
     */
    InsertReturningStep doNothing();

    /**
     * {@code do update set ...}: the existing row is updated.
     *
     * @param setters sets columns (often to {@code excluded(column)}) and optionally a where
     * @return the next step: returning, execute
     */
    InsertReturningStep doUpdate(Consumer<ConflictUpdate> setters);
}
