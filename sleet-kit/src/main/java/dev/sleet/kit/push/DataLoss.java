package dev.sleet.kit.push;

/**
 * A change of a push that destroys or rejects data, with how many rows it touches.
 *
 * @param what   what is lost, e.g. {@code drop column users.nickname}
 * @param table  the table
 * @param column the column, or {@code null}
 * @param rows   the rows affected (values dropped, nulls in a column becoming NOT NULL, rows in duplicate
 *               groups of a new unique key), or -1 when they could not be counted
 */
public record DataLoss(String what, String table, String column, long rows) {

    @Override
    public String toString() {
        return what + ": " + (rows < 0 ? "rows could not be counted" : rows + (rows == 1 ? " row" : " rows"));
    }
}
