package dev.sleet.query;


/**
 * The {@code having} step of a select.
 */
public interface SelectHavingStep extends SelectOrderByStep {

    /**
     * Filters groups, e.g. {@code having(gt(count(), 5L))}.
     *
     * @param conditions the conditions, joined with {@code and}
     * @return the next step: order by, limit
     */
    SelectOrderByStep having(Condition... conditions);
}
