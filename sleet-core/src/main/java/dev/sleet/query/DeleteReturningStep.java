package dev.sleet.query;


/**
 * The {@code returning} step of a delete.
 */
public interface DeleteReturningStep extends Query {

    /**
     * Returns all columns of the deleted rows.
     *
     * @return a statement to fetch
     */
    ResultQuery returning();

    /**
     * Returns chosen expressions of the deleted rows.
     *
     * @param fields the expressions
     * @return a statement to fetch
     */
    ResultQuery returning(Field<?>... fields);
}
