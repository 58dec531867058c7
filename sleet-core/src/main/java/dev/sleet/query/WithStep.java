package dev.sleet.query;

import dev.sleet.schema.Table;

/**
 * Statements that start with {@code with ...}: {@code db.with(cte1, cte2).select(...)}, or an insert, update or
 * delete that reads the CTEs.
 */
public interface WithStep {

    /**
     * Starts a select that may read the CTEs.
     *
     * @param fields the selected expressions; none for every column of the tables in from
     * @return the next step: from
     */
    SelectFromStep select(Field<?>... fields);

    /**
     * Starts an insert that may read the CTEs.
     *
     * @param table the table
     * @return the next step
     */
    InsertValuesStep insert(Table table);

    /**
     * Starts an update that may read the CTEs.
     *
     * @param table the table
     * @return the next step
     */
    UpdateSetStep update(Table table);

    /**
     * Starts a delete that may read the CTEs.
     *
     * @param table the table
     * @return the next step
     */
    DeleteWhereStep delete(Table table);
}
