package dev.sleet.kit.introspect;

import dev.sleet.kit.diff.Change;

import java.util.List;

/**
 * How a live database differs from what its migrations say it should be.
 *
 * @param migrationId the newest applied migration, whose snapshot the database was compared with, or
 *                    {@code null} when none is applied (nothing was compared)
 * @param differences the changes that would bring the database back to that snapshot, in the order they
 *                    would run; empty when there is no drift
 * @param lines       one line per difference: what differs and the SQL that would restore it
 */
public record DriftReport(String migrationId, List<Change> differences, List<String> lines) {

    /**
     * Copies the lists.
     *
     * @param migrationId the migration compared with, or {@code null}
     * @param differences the changes
     * @param lines       the descriptions
     */
    public DriftReport {
        differences = List.copyOf(differences);
        lines = List.copyOf(lines);
    }

    /**
     * Tells whether the database differs from its newest applied migration.
     *
     * @return {@code true} on drift
     */
    public boolean drifted() {
        return !differences.isEmpty();
    }
}
