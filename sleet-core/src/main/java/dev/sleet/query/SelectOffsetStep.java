package dev.sleet.query;


/**
 * The {@code offset} step of a select.
 */
public interface SelectOffsetStep extends Select {

    /**
     * Skips the first {@code count} rows (bound as a parameter).
     *
     * @param count the rows to skip, at least 0
     * @return the complete select
     */
    Select offset(long count);
}
