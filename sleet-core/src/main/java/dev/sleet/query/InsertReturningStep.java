package dev.sleet.query;


/**
 * The {@code returning} step of an insert.
 */
public interface InsertReturningStep extends Query {

    /**
     * Returns all columns of the inserted rows.
     *
     * @return a statement to fetch
     */
    ResultQuery returning();

    /**
     * Returns chosen expressions of the inserted rows.
     *
     * @param fields the expressions
     * @return a statement to fetch
     */
    ResultQuery returning(Field<?>... fields);
}
