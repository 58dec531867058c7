package dev.sleet.kit.migrate;

import java.util.List;

/**
 * What {@link Migrator#repair()} did.
 *
 * @param checksumsRealigned ids whose recorded checksum was replaced by that of the edited {@code up.sql}
 * @param failuresCleared    ids of failed {@code -- sleet:no-transaction} migrations whose failure was cleared;
 *                           the next {@code migrate} resumes them at the failed statement
 */
public record RepairResult(List<String> checksumsRealigned, List<String> failuresCleared) {

    /**
     * Copies the lists.
     *
     * @param checksumsRealigned realigned ids
     * @param failuresCleared    cleared ids
     */
    public RepairResult {
        checksumsRealigned = List.copyOf(checksumsRealigned);
        failuresCleared = List.copyOf(failuresCleared);
    }
}
