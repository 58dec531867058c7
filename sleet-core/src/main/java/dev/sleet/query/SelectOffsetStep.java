package dev.sleet.query;


/**
 * The {@code offset} step of a select.
 */
public interface SelectOffsetStep extends SelectLockStep {

    /**
     * Skips the first {@code count} rows (bound as a parameter).
     *
     * @param count the rows to skip, at least 0
     * @return the next step: row locking, or the complete select
     */
    SelectLockStep offset(long count);
}
