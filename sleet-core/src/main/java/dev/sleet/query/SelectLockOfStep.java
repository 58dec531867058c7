package dev.sleet.query;

import dev.sleet.schema.Table;

/**
 * The step after {@code forUpdate()} (or another lock strength): restrict the lock to some tables.
 */
public interface SelectLockOfStep extends SelectLockWaitStep {

    /**
     * Locks only rows of these tables ({@code for update of "jobs"}); without it, rows of every table in
     * {@code from} and its joins are locked.
     *
     * @param tables tables of the query's {@code from} or joins
     * @return the step that takes {@code noWait} or {@code skipLocked}
     * @throws IllegalArgumentException when no table is given
     */
    SelectLockWaitStep of(Table... tables);
}
