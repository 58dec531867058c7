package dev.sleet.kit.migrate;

import java.util.List;

/**
 * A migration that {@code migrate} would run, with the statements it would run.
 *
 * @param migration    the migration
 * @param statements   the statements still to run: all of {@code up.sql}, or for an interrupted
 *                     {@code -- sleet:no-transaction} migration those after the last completed one
 * @param outOfOrder   {@code true} when a later migration is already applied
 * @param resumedAfter how many statements completed before (interrupted non-transactional migration), else 0
 */
public record PlannedMigration(Migration migration, List<SqlStatement> statements, boolean outOfOrder,
                               int resumedAfter) {

    /**
     * Copies the list.
     *
     * @param migration    the migration
     * @param statements   the statements to run
     * @param outOfOrder   whether a later migration is applied
     * @param resumedAfter statements completed before
     */
    public PlannedMigration {
        statements = List.copyOf(statements);
    }
}
