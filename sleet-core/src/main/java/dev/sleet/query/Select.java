package dev.sleet.query;

import java.util.List;

/**
 * A complete select statement; it can be fetched, rendered, combined with another select
 * ({@code union}, {@code intersect}, {@code except}), or used as a subquery ({@code exists(...)},
 * {@code in(col, select)}, {@code scalar(select)}, {@code from(select.as("s"))}).
 */
public interface Select extends ResultQuery {

    /**
     * Returns the selected expressions, in result order.
     *
     * @return the expressions
     */
    List<Field<?>> fields();

    /**
     * {@code this union other}: rows of either, duplicates removed.
     *
     * @param other a select of as many columns
     * @return the combined select, for more set operations, order by and limit
     * @throws IllegalArgumentException when the widths differ
     */
    SetOperationStep union(Select other);

    /**
     * {@code this union all other}: rows of both, duplicates kept.
     *
     * @param other a select of as many columns
     * @return the combined select
     */
    SetOperationStep unionAll(Select other);

    /**
     * {@code this intersect other}: rows in both, duplicates removed.
     *
     * @param other a select of as many columns
     * @return the combined select
     */
    SetOperationStep intersect(Select other);

    /**
     * {@code this intersect all other}.
     *
     * @param other a select of as many columns
     * @return the combined select
     */
    SetOperationStep intersectAll(Select other);

    /**
     * {@code this except other}: rows of this not in the other, duplicates removed.
     *
     * @param other a select of as many columns
     * @return the combined select
     */
    SetOperationStep except(Select other);

    /**
     * {@code this except all other}.
     *
     * @param other a select of as many columns
     * @return the combined select
     */
    SetOperationStep exceptAll(Select other);

    /**
     * Makes this select a derived table for another select's {@code from} or a lateral join:
     * {@code Derived s = db.select(...).as("s")}, then {@code s.field(USERS.email)} refers to its columns.
     *
     * @param alias the derived table's name
     * @return the derived table
     */
    Derived as(String alias);
}
