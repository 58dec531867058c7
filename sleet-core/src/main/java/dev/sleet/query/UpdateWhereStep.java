package dev.sleet.query;

/**
 * The {@code where} step of an update. There is no {@code execute()} here: an update of every row must be asked for with {@link #all()}, so a forgotten {@code where} cannot rewrite a table.
 */
public interface UpdateWhereStep extends UpdateSetStep {

    /**
     * Limits the update to matching rows; several conditions are joined with {@code and}.
     *
     * @param conditions the conditions
     * @return the next step: returning, execute
     */
    UpdateReturningStep where(Condition... conditions);

    /**
     * Updates every row of the table, on purpose.
     *
     * @return the next step: returning, execute
     */
    UpdateReturningStep all();

    /**
     * Joins other tables into the update ({@code update "posts" set ... from "users" where ...}); the where
     * clause then relates their rows to the updated ones.
     *
     * @param tables tables, CTEs or derived selects, other than the updated table
     * @return this step, for where
     */
    UpdateWhereStep from(TableLike... tables);
}
