package dev.sleet.query;

/**
 * The step after {@code select(...)}: name the table.
 */
public interface SelectFromStep extends Select {

    /**
     * Sets the table to select from.
     *
     * @param table a table, a derived select ({@code select.as("s")}) or a common table expression
     * @return the next step: joins, where, group by, order by, limit
     */
    SelectJoinStep from(TableLike table);
}
