package dev.sleet.query;

import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderedSql;

/** A statement that can be rendered and executed: an insert, update or delete without {@code returning}. */
public interface Query extends QueryPart {

    /**
     * Renders the statement without a database, with {@code $1, $2, ...} placeholders, for logs and tests.
     *
     * @return SQL text and bind values
     */
    RenderedSql toSql();

    /**
     * Executes the statement.
     *
     * @return the number of rows inserted, updated or deleted
     * @throws dev.sleet.exec.SleetException when PostgreSQL rejects it
     */
    int execute();

    /**
     * Renders the statement once, for running many times with values bound to its
     * {@linkplain dev.sleet.Sql#placeholder(String) placeholders}.
     *
     * @return the prepared statement
     */
    PreparedQuery prepare();
}
