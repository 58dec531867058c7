package dev.sleet.kit.migrate;

import java.util.Objects;

/**
 * One top-level statement of a migration file.
 *
 * @param number the statement's position in its file, starting at 1
 * @param line   the line of the file on which the statement starts, starting at 1
 * @param sql    the statement text, without the terminating {@code ;}
 */
public record SqlStatement(int number, int line, String sql) {

    /**
     * Checks the components.
     *
     * @param number the statement's position in its file, starting at 1
     * @param line   the line of the file on which the statement starts, starting at 1
     * @param sql    the statement text
     */
    public SqlStatement {
        Objects.requireNonNull(sql, "sql");
        if (number < 1 || line < 1) {
            throw new IllegalArgumentException("number and line start at 1, got " + number + " and " + line);
        }
    }
}
