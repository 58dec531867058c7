package dev.sleet.internal.exec;

import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Turns the current row of a result set into a value: a {@link dev.sleet.exec.Row} or a record.
 *
 * @param <R> the result type
 */
@FunctionalInterface
public interface RowReader<R> {

    /**
     * Reads the current row.
     *
     * @param rs the result set, positioned on a row
     * @return the value
     * @throws SQLException when the driver cannot read a column
     */
    R read(ResultSet rs) throws SQLException;
}
