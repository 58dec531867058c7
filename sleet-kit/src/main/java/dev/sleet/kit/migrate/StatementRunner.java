package dev.sleet.kit.migrate;

import dev.sleet.exec.SleetException;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** Runs migration statements one at a time, turning a failure into an error that names file and statement. */
final class StatementRunner {

    private final Connection connection;

    StatementRunner(Connection connection) {
        this.connection = connection;
    }

    /**
     * Runs one statement.
     *
     * @param consequence what the failure leaves behind and what to do, appended to the message
     */
    void run(Migration migration, Path file, SqlStatement statement, String consequence) {
        try (Statement st = connection.createStatement()) {
            // Migration text is SQL as written: no JDBC {fn ...} escapes.
            st.setEscapeProcessing(false);
            st.execute(statement.sql());
        } catch (SQLException e) {
            SleetException cause = SleetException.of(e, statement.sql(), null);
            // 25001: CREATE INDEX CONCURRENTLY and friends refuse to run in a transaction block.
            String hint = "25001".equals(e.getSQLState()) ? " Put such statements in a migration of their own whose"
                    + " first line is '" + Migration.NO_TRANSACTION_MARKER + "'." : "";
            throw new SleetMigrationException("migration " + migration.id() + " failed at statement "
                    + statement.number() + " (line " + statement.line() + ") of " + file + ": " + cause.getMessage()
                    + ". " + consequence + "." + hint, migration.id(), file, statement.number(), statement.sql(), cause);
        }
    }
}
