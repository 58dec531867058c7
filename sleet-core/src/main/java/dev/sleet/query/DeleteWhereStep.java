package dev.sleet.query;

/**
 * The step after {@code delete(table)}. There is no {@code execute()} here: deleting every row must be asked for with {@link #all()}, so a forgotten {@code where} cannot empty a table.
 */
public interface DeleteWhereStep {

    /**
     * Deletes matching rows; several conditions are joined with {@code and}.
     *
     * @param conditions the conditions
     * @return the next step: returning, execute
     */
    DeleteReturningStep where(Condition... conditions);

    /**
     * Deletes every row of the table, on purpose.
     *
     * @return the next step: returning, execute
     */
    DeleteReturningStep all();

    /**
     * Joins other tables into the delete ({@code delete from "posts" using "users" where ...}); the where clause
     * then relates their rows to the deleted ones.
     *
     * @param tables tables, CTEs or derived selects, other than the table deleted from
     * @return this step, for where
     */
    DeleteWhereStep using(TableLike... tables);
}
