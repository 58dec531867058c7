package dev.sleet.exec;

/**
 * Observes every statement a {@link dev.sleet.Db} runs, for metrics, tracing or tests that count round trips.
 * Called on the executing thread after each statement; must be fast and must not throw.
 */
@FunctionalInterface
public interface QueryListener {

    /**
     * Called after a statement ran (or failed).
     *
     * @param event what ran
     */
    void executed(QueryEvent event);

    /**
     * One executed statement.
     *
     * @param sql         the SQL text as sent (JDBC placeholders); bind values are not included
     * @param bindCount   how many values were bound
     * @param rows        rows fetched or affected, or -1 when it failed
     * @param nanos       wall time of the round trip
     * @param failure     the error, or {@code null}
     */
    record QueryEvent(String sql, int bindCount, long rows, long nanos, SleetException failure) {
    }
}
