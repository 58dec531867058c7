package dev.sleet.kit.migrate;

/**
 * A migration applied by one {@link Migrator#migrate()} run.
 *
 * @param id          the migration id
 * @param name        the migration name
 * @param executionMs how long its statements and history row took, in milliseconds
 * @param outOfOrder  {@code true} when a later migration was already applied (typically merged from another
 *                    branch): it was applied anyway, and is reported so that the order can be checked
 * @param resumedAfter for a {@code -- sleet:no-transaction} migration resumed after an interruption, the number
 *                    of statements that had completed before; 0 otherwise
 */
public record AppliedMigration(String id, String name, long executionMs, boolean outOfOrder, int resumedAfter) {
}
