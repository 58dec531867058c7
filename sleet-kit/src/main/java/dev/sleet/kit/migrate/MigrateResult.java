package dev.sleet.kit.migrate;

import java.util.List;

/**
 * What a {@link Migrator#migrate()} run did.
 *
 * @param applied the migrations applied, in the order they ran; empty when the database was up to date
 * @param missing ids recorded as applied that are no longer in the folder (left alone, reported)
 */
public record MigrateResult(List<AppliedMigration> applied, List<String> missing) {

    /**
     * Copies the lists.
     *
     * @param applied the migrations applied
     * @param missing the missing ids
     */
    public MigrateResult {
        applied = List.copyOf(applied);
        missing = List.copyOf(missing);
    }

    /**
     * The ids applied, in order.
     *
     * @return the ids
     */
    public List<String> appliedIds() {
        return applied.stream().map(AppliedMigration::id).toList();
    }

    /**
     * The ids applied although a later migration had been applied before.
     *
     * @return the ids, in order
     */
    public List<String> outOfOrder() {
        return applied.stream().filter(AppliedMigration::outOfOrder).map(AppliedMigration::id).toList();
    }

    /**
     * The time spent in migrations.
     *
     * @return the sum of the execution times, in milliseconds
     */
    public long totalMs() {
        return applied.stream().mapToLong(AppliedMigration::executionMs).sum();
    }
}
