package dev.sleet.query;

import dev.sleet.exec.Row;
import dev.sleet.render.RenderedSql;

import java.util.List;
import java.util.Optional;

/**
 * A select (or a statement with {@code returning}) rendered once, run many times with values for its
 * placeholders:
 *
 * <pre>{@code
 * PreparedResultQuery byId = db.select().from(USERS).where(eq(USERS.id, placeholder("id"))).prepare();
 * UserRow ann = byId.bind("id", 1L).fetchOneInto(UserRow.class);
 * }</pre>
 *
 * Immutable: {@link #bind} returns a new instance, so one prepared statement can be shared by threads.
 */
public interface PreparedResultQuery {

    /**
     * Returns this statement with a value for a placeholder.
     *
     * @param name  the placeholder's name
     * @param value the value, of the placeholder's type; {@code null} binds SQL null
     * @return the statement with the value
     * @throws IllegalArgumentException when there is no such placeholder or the value has the wrong type
     */
    PreparedResultQuery bind(String name, Object value);

    /**
     * Runs the statement and returns all rows.
     *
     * @return the rows
     * @throws IllegalStateException when a placeholder has no value (before any SQL is sent)
     */
    List<Row> fetch();

    /**
     * Runs the statement and returns its only row.
     *
     * @return the row
     */
    Row fetchOne();

    /**
     * Runs the statement and returns its row, if any.
     *
     * @return the row, or empty
     */
    Optional<Row> fetchOptional();

    /**
     * Runs the statement and maps every row into a record.
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the records
     */
    <R> List<R> fetchInto(Class<R> type);

    /**
     * Runs the statement and maps its only row into a record.
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the record
     */
    <R> R fetchOneInto(Class<R> type);

    /**
     * Runs the statement and maps its row, if any, into a record.
     *
     * @param type the record class
     * @param <R>  the record type
     * @return the record, or empty
     */
    <R> Optional<R> fetchOptionalInto(Class<R> type);

    /**
     * Returns the rendered SQL, with JDBC placeholders, and its binds (placeholders as
     * {@link Placeholder.Slot}s).
     *
     * @return the SQL
     */
    RenderedSql sql();
}
