package dev.sleet.query;

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
    SelectOnStep innerJoin(TableLike table);

    /**
     * Adds {@code left join table}; its columns are null where no row matches.
     *
     * @param table the joined table
     * @return the step that takes the join condition
     */
    SelectOnStep leftJoin(TableLike table);

    /**
     * Adds {@code right join table}.
     *
     * @param table the joined table
     * @return the step that takes the join condition
     */
    SelectOnStep rightJoin(TableLike table);

    /**
     * Adds {@code full join table}.
     *
     * @param table the joined table
     * @return the step that takes the join condition
     */
    SelectOnStep fullJoin(TableLike table);

    /**
     * Adds {@code cross join table}.
     *
     * @param table the joined table
     * @return this step, for more joins
     */
    SelectJoinStep crossJoin(TableLike table);

    /**
     * Adds {@code inner join lateral (subquery) as "s"}: the subquery may refer to the tables before it, and
     * runs once per row of them.
     *
     * @param subquery a select made a derived table with {@code as(...)}
     * @return the step that takes the join condition
     */
    SelectOnStep innerJoinLateral(Derived subquery);

    /**
     * Adds {@code left join lateral (subquery) as "s"}: as {@link #innerJoinLateral}, keeping rows for which
     * the subquery returns nothing; {@code on(Sql.and())} joins on {@code true}.
     *
     * @param subquery a select made a derived table with {@code as(...)}
     * @return the step that takes the join condition
     */
    SelectOnStep leftJoinLateral(Derived subquery);

    /**
     * Adds {@code cross join lateral (subquery) as "s"}.
     *
     * @param subquery a select made a derived table with {@code as(...)}
     * @return this step, for more joins
     */
    SelectJoinStep crossJoinLateral(Derived subquery);
}
