package dev.sleet.query;


/**
 * The {@code limit} step of a select.
 */
public interface SelectLimitStep extends SelectOffsetStep {

    /**
     * Returns at most {@code count} rows (bound as a parameter).
     *
     * @param count the maximum, at least 0
     * @return the next step: offset
     */
    SelectOffsetStep limit(long count);
}
