package dev.sleet.query;


/**
 * The {@code returning} step of an update.
 */
public interface UpdateReturningStep extends Query {

    /**
     * Returns all columns of the updated rows (their new values).
     *
     * @return a statement to fetch
     */
    ResultQuery returning();

    /**
     * Returns chosen expressions of the updated rows.
     *
     * @param fields the expressions
     * @return a statement to fetch
     */
    ResultQuery returning(Field<?>... fields);
}
