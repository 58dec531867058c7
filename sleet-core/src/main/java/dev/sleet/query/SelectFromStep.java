package dev.sleet.query;

import dev.sleet.schema.Table;

/**
 * The step after {@code select(...)}: name the table.
 */
public interface SelectFromStep extends Select {

    /**
     * Sets the table to select from.
     *
     * @param table the table
     * @return the next step: joins, where, group by, order by, limit
     */
    SelectJoinStep from(Table table);
}
