package dev.sleet.query;

import dev.sleet.exec.Row;
import dev.sleet.render.QueryPart;
import dev.sleet.render.RenderedSql;

import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * A statement that returns rows: a select, or an insert, update or delete with {@code returning}.
 *
 * <p>Rows come back as {@link Row}s, typed by column ({@code row.get(USERS.email)}), or as records mapped by
 * name ({@code snake_case} column to {@code camelCase} component): {@code fetchInto(UserRow.class)}.
 */
public interface ResultQuery extends QueryPart {

    /**
     * Returns the expressions each row holds, in order.
     *
     * @return the result's fields
     */
    java.util.List<Field<?>> fields();

    /**
     * Renders the statement without a database, with {@code $1, $2, ...} placeholders, for logs and tests.
     *
     * @return SQL text and bind values
     */
    RenderedSql toSql();

    /**
     * Runs the statement and returns all rows.
     *
     * @return the rows, possibly empty
     */
    List<Row> fetch();

    /**
     * Runs the statement and returns its only row.
     *
     * @return the row
     * @throws dev.sleet.exec.NoRowsException       when there is no row
     * @throws dev.sleet.exec.TooManyRowsException  when there is more than one
     */
    Row fetchOne();

    /**
     * Runs the statement and returns its row, if any.
     *
     * @return the row, or empty
     * @throws dev.sleet.exec.TooManyRowsException when there is more than one
     */
    Optional<Row> fetchOptional();

    /**
     * Runs the statement and maps every row into a record (or a class with a canonical constructor).
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the records
     * @throws dev.sleet.exec.MappingException when a component has no matching column or the types do not fit
     */
    <R> List<R> fetchInto(Class<R> type);

    /**
     * Runs the statement and maps its only row into a record.
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the record
     * @throws dev.sleet.exec.NoRowsException      when there is no row
     * @throws dev.sleet.exec.TooManyRowsException when there is more than one
     */
    <R> R fetchOneInto(Class<R> type);

    /**
     * Runs the statement and maps its row, if any, into a record.
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the record, or empty
     * @throws dev.sleet.exec.TooManyRowsException when there is more than one row
     */
    <R> Optional<R> fetchOptionalInto(Class<R> type);

    /**
     * Runs the statement over a server-side cursor and streams the rows, fetching them in batches, for results
     * too large for memory. The stream holds a connection: close it (try-with-resources).
     *
     * @return the rows
     */
    Stream<Row> stream();

    /**
     * Like {@link #stream()}, mapping rows into records.
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the records; close the stream
     */
    <R> Stream<R> streamInto(Class<R> type);

    /**
     * Renders the statement once, for running many times with values bound to its
     * {@linkplain dev.sleet.Sql#placeholder(String) placeholders}.
     *
     * @return the prepared statement
     */
    PreparedResultQuery prepare();
}
