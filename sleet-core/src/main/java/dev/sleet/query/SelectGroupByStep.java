package dev.sleet.query;


/**
 * The {@code group by} step of a select.
 */
public interface SelectGroupByStep extends SelectOrderByStep {

    /**
     * Groups rows.
     *
     * @param fields the grouping expressions
     * @return the next step: having, order by, limit
     */
    SelectHavingStep groupBy(Field<?>... fields);
}
