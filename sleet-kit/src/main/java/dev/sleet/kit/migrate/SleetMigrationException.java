package dev.sleet.kit.migrate;

import dev.sleet.exec.SleetException;

import java.nio.file.Path;

/**
 * A migration command failed: a statement of a migration failed, an applied migration's file was changed, a
 * failed migration waits for {@code repair}, a migration to roll back has no {@code down.sql}, or an id is
 * unknown. Nothing of the failing migration is left applied unless it is a {@code -- sleet:no-transaction}
 * migration, whose progress is recorded statement by statement.
 *
 * <p>The message names the migration id, the file and, for a failed statement, its number (from 1) and line;
 * the SQLSTATE of a database error is kept in {@link #sqlState()} and the translated driver error is the
 * {@linkplain #getCause() cause}. A program that migrates on start-up should treat this exception as fatal.
 */
public class SleetMigrationException extends SleetException {

    private static final long serialVersionUID = 1L;

    private final String migrationId;
    private final transient Path file;
    private final int statementNumber;
    private final String state;

    /**
     * Creates the exception.
     *
     * @param message         the full message
     * @param migrationId     the migration at fault, or {@code null}
     * @param file            the file at fault, or {@code null}
     * @param statementNumber the failed statement's number from 1, or 0 when no statement failed
     * @param sql             the failed statement, or {@code null}
     * @param cause           the database error (a {@link SleetException}), or {@code null}
     */
    public SleetMigrationException(String message, String migrationId, Path file, int statementNumber, String sql,
                                   Throwable cause) {
        super(message, sql, cause);
        this.migrationId = migrationId;
        this.file = file;
        this.statementNumber = statementNumber;
        this.state = cause instanceof SleetException s ? s.sqlState() : null;
    }

    /**
     * The migration at fault.
     *
     * @return its id, or {@code null} when the error is not about one migration
     */
    public String migrationId() {
        return migrationId;
    }

    /**
     * The file at fault.
     *
     * @return its path, or {@code null}
     */
    public Path file() {
        return file;
    }

    /**
     * The number of the failed statement in its file.
     *
     * @return a number from 1, or 0 when no statement failed
     */
    public int statementNumber() {
        return statementNumber;
    }

    /**
     * The SQLSTATE reported by PostgreSQL for the failed statement.
     *
     * @return the code, or {@code null} when the error did not come from the database
     */
    @Override
    public String sqlState() {
        return state;
    }
}
