package dev.sleet.exec;

/**
 * Follows a long {@code copyInto}: called on the copying thread every so many rows (see
 * {@code CopyIntoStep.onProgress}) with the number of rows handed to the {@code COPY} so far. Must be fast;
 * an exception it throws cancels the copy, which then stores nothing.
 *
 * <pre>{@code
 * db.copyInto(EVENTS).onProgress(100_000, rows -> log.info("{} rows copied", rows)).from(events);
 * }</pre>
 */
@FunctionalInterface
public interface CopyProgress {

    /**
     * Reports progress.
     *
     * @param rows rows read from the input and written (or buffered to be written) to PostgreSQL so far;
     *             they are stored only when the whole copy succeeds
     */
    void rowsCopied(long rows);
}
