package dev.sleet.exec;

import java.sql.SQLException;
import java.util.List;

/**
 * A statement of {@code db.batch(...)} failed, and the whole batch was rolled back.
 *
 * <p>The message names the failing statement's position ({@link #index()}, 0-based, in the order given to
 * {@code batch}) and what PostgreSQL reported. The statement's own error, with its specific type (a
 * {@link UniqueViolationException}, for instance), is the {@linkplain #getCause() cause};
 * {@link #sqlState()}, {@link #constraint()} and the other accessors answer for it.
 */
public final class BatchException extends SleetException {

    private static final long serialVersionUID = 1L;

    private final int index;
    private final int size;
    private final SleetException statementError;

    /**
     * Creates the exception.
     *
     * @param index          the failing statement's 0-based position in the batch
     * @param size           how many statements the batch had
     * @param statementError the failing statement's error
     */
    public BatchException(int index, int size, SleetException statementError) {
        super("batch statement " + index + " (of " + size + ", counted from 0) failed and the batch was rolled "
                + "back: " + statementError.getMessage(), statementError.sql(), statementError);
        this.index = index;
        this.size = size;
        this.statementError = statementError;
    }

    /**
     * Creates the exception when the driver did not say which of several statements with the same SQL failed.
     *
     * @param first          the 0-based position of the first statement that may have failed
     * @param last           the 0-based position of the last statement that may have failed
     * @param size           how many statements the batch had
     * @param statementError the error
     */
    public BatchException(int first, int last, int size, SleetException statementError) {
        super("one of batch statements " + first + " to " + last + " (of " + size + ", counted from 0) failed "
                + "and the batch was rolled back: " + statementError.getMessage(), statementError.sql(),
                statementError);
        this.index = -1;
        this.size = size;
        this.statementError = statementError;
    }

    /**
     * Returns the 0-based position of the failing statement in the batch.
     *
     * @return the index, or -1 when the driver did not say which of a run of statements with the same SQL failed
     *         (the message then names the range)
     */
    public int index() {
        return index;
    }

    /**
     * Returns how many statements the batch had.
     *
     * @return the batch size
     */
    public int size() {
        return size;
    }

    @Override
    public String sqlState() {
        return statementError.sqlState();
    }

    @Override
    public String constraint() {
        return statementError.constraint();
    }

    @Override
    public String table() {
        return statementError.table();
    }

    @Override
    public String column() {
        return statementError.column();
    }

    @Override
    public String detail() {
        return statementError.detail();
    }

    @Override
    public List<Object> bindValues() {
        return statementError.bindValues();
    }

    @Override
    public SQLException sqlException() {
        return statementError.sqlException();
    }
}
