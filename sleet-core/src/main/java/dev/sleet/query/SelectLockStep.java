package dev.sleet.query;

/**
 * The row-locking step of a select: {@code for update}, {@code for no key update}, {@code for share},
 * {@code for key share}. Locks are held until the transaction ends, so use them inside
 * {@link dev.sleet.Db#transaction}.
 *
 * <pre>{@code
 * db.transaction(tx -> {
 *     Optional<Row> job = tx.select(JOBS.id).from(JOBS).where(eq(JOBS.state, "queued"))
 *             .orderBy(JOBS.id).limit(1)
 *             .forUpdate().skipLocked()
 *             .fetchOptional();
 *     ...
 * });
 * }</pre>
 *
 * <p>PostgreSQL refuses locking together with {@code distinct}, {@code group by}, {@code having}, aggregates
 * and window functions; Sleet reports those combinations before the statement is sent.
 */
public interface SelectLockStep extends Select {

    /**
     * Locks the selected rows against updates, deletes and other locks: {@code for update}.
     *
     * @return the step that takes {@code of}, {@code noWait} or {@code skipLocked}
     */
    SelectLockOfStep forUpdate();

    /**
     * Like {@link #forUpdate()}, but lets concurrent {@code for key share} lockers (foreign key checks) in:
     * {@code for no key update}. What an update that leaves the key alone takes.
     *
     * @return the step that takes {@code of}, {@code noWait} or {@code skipLocked}
     */
    SelectLockOfStep forNoKeyUpdate();

    /**
     * Locks the selected rows against updates and deletes, shared with other readers: {@code for share}.
     *
     * @return the step that takes {@code of}, {@code noWait} or {@code skipLocked}
     */
    SelectLockOfStep forShare();

    /**
     * Locks the selected rows' keys only, against deletes and key changes: {@code for key share}.
     *
     * @return the step that takes {@code of}, {@code noWait} or {@code skipLocked}
     */
    SelectLockOfStep forKeyShare();
}
