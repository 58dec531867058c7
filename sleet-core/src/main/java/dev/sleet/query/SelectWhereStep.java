package dev.sleet.query;


/**
 * The {@code where} step of a select.
 */
public interface SelectWhereStep extends SelectGroupByStep {

    /**
     * Filters rows; several conditions are joined with {@code and}.
     *
     * @param conditions the conditions
     * @return the next step: group by, order by, limit
     */
    SelectGroupByStep where(Condition... conditions);
}
