package dev.sleet.query;

/**
 * The step that says what a lock does when another transaction holds a row: wait (the default), fail at once,
 * or skip the row. Another locking clause may follow, e.g. {@code forUpdate().of(JOBS).forShare().of(QUEUES)}.
 */
public interface SelectLockWaitStep extends SelectLockStep {

    /**
     * Fails at once instead of waiting for a row another transaction holds: {@code nowait}. The failure is a
     * {@link dev.sleet.exec.SleetException} with SQLSTATE {@code 55P03} (lock not available).
     *
     * @return the complete select, or another locking clause
     */
    SelectLockStep noWait();

    /**
     * Leaves out rows another transaction holds instead of waiting: {@code skip locked}. The way to share a
     * queue table among workers.
     *
     * @return the complete select, or another locking clause
     */
    SelectLockStep skipLocked();
}
