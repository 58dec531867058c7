package dev.sleet.query;

import dev.sleet.schema.Table;

/**
 * The step after {@code from(...)}: add joins, or go on to {@code where}.
 */
public interface SelectJoinStep extends SelectWhereStep {

    /**
     * Adds {@code inner join table}; follow with {@code on(...)}.
     *
     * @param table the joined table
     * @return the step that takes the join condition
     */
    SelectOnStep innerJoin(Table table);

    /**
     * Adds {@code left join table}; its columns are null where no row matches.
     *
     * @param table the joined table
     * @return the step that takes the join condition
     */
    SelectOnStep leftJoin(Table table);

    /**
     * Adds {@code right join table}.
     *
     * @param table the joined table
     * @return the step that takes the join condition
     */
    SelectOnStep rightJoin(Table table);

    /**
     * Adds {@code full join table}.
     *
     * @param table the joined table
     * @return the step that takes the join condition
     */
    SelectOnStep fullJoin(Table table);

    /**
     * Adds {@code cross join table}.
     *
     * @param table the joined table
     * @return this step, for more joins
     */
    SelectJoinStep crossJoin(Table table);
}
