package dev.sleet.kit.migrate;

import java.time.OffsetDateTime;
import java.util.Objects;

/**
 * One line of {@link Migrator#status()}.
 *
 * @param id        the migration id
 * @param name      the migration name
 * @param state     its state
 * @param appliedAt when it was applied (or started, for {@link MigrationState#FAILED}); {@code null} when pending
 * @param detail    a short explanation for CHANGED, MISSING and FAILED (which statement, what to do); else empty
 */
public record MigrationStatus(String id, String name, MigrationState state, OffsetDateTime appliedAt,
                              String detail) {

    /**
     * Checks the components.
     *
     * @param id        the migration id
     * @param name      the migration name
     * @param state     its state
     * @param appliedAt when it was applied, or {@code null}
     * @param detail    an explanation, or empty
     */
    public MigrationStatus {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        detail = detail == null ? "" : detail;
    }
}
