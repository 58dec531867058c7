package dev.sleet.kit.migrate;

import java.time.OffsetDateTime;

/**
 * A row of {@code sleet.migrations}.
 *
 * @param statementsDone for a non-transactional migration, how many statements completed; {@code null} otherwise
 * @param state          {@link MigrationHistory#APPLIED}, {@link MigrationHistory#RUNNING} or
 *                       {@link MigrationHistory#FAILED}
 */
record HistoryRow(long seq, String id, String name, String checksum, OffsetDateTime appliedAt, long executionMs,
                  String appliedBy, String state, Integer statementsDone, boolean baseline, String error) {

    boolean applied() {
        return MigrationHistory.APPLIED.equals(state);
    }

    int done() {
        return statementsDone == null ? 0 : statementsDone;
    }
}
