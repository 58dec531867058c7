package dev.sleet.query;

import dev.sleet.exec.Row;
import dev.sleet.schema.Column;

import java.io.OutputStream;
import java.io.Writer;
import java.util.List;

/**
 * A bulk read through PostgreSQL's {@code COPY ... TO STDOUT}, started by {@code db.copyOut(TABLE)}: every
 * row of a table, either as PostgreSQL's text format (one line per row, tab-separated, {@code \N} for null)
 * written to a stream, or parsed back into rows or records.
 *
 * <pre>{@code
 * try (Writer out = Files.newBufferedWriter(path)) {
 *     long rows = db.copyOut(EVENTS).to(out);
 * }
 * List<EventRow> events = db.copyOut(EVENTS).fetchInto(EventRow.class);
 * }</pre>
 *
 * <p>Steps are immutable; each method returns a new step.
 */
public interface CopyOutStep {

    /**
     * Chooses the columns to copy, in this order; without it every column is copied.
     *
     * @param columns columns of the table
     * @return the step
     */
    CopyOutStep columns(Column<?>... columns);

    /**
     * Writes the rows in PostgreSQL's text format to a writer, which is flushed but not closed.
     *
     * @param out the writer
     * @return the number of rows written
     */
    long to(Writer out);

    /**
     * Writes the rows in PostgreSQL's text format, UTF-8 encoded, to a stream, which is not closed.
     *
     * @param out the stream
     * @return the number of rows written
     */
    long to(OutputStream out);

    /**
     * Reads the rows, each value parsed by its column type
     * ({@link dev.sleet.schema.column.ColumnType#readText}).
     *
     * @return the rows, whose fields are the copied columns
     */
    List<Row> fetch();

    /**
     * Reads the rows into records or classes, matched by name as {@code fetchInto} of a select does.
     *
     * @param type the record or class
     * @param <R>  the type
     * @return the rows
     */
    <R> List<R> fetchInto(Class<R> type);
}
