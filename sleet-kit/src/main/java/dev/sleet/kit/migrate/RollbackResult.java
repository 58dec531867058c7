package dev.sleet.kit.migrate;

import java.util.List;

/**
 * What {@link Migrator#rollback(int)} or {@link Migrator#rollbackTo(String)} did.
 *
 * @param rolledBack the ids rolled back, in the order their {@code down.sql} ran (newest first)
 */
public record RollbackResult(List<String> rolledBack) {

    /**
     * Copies the list.
     *
     * @param rolledBack the ids rolled back
     */
    public RollbackResult {
        rolledBack = List.copyOf(rolledBack);
    }
}
