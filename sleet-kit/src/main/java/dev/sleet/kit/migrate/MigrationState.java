package dev.sleet.kit.migrate;

/** The state of one migration as {@link Migrator#status()} reports it. */
public enum MigrationState {
    /** Recorded as applied, and {@code up.sql} still has the recorded checksum. */
    APPLIED,
    /** In the folder, not recorded: the next {@code migrate} applies it. */
    PENDING,
    /** Recorded as applied, but {@code up.sql} changed since; {@code migrate} refuses until the file is restored
     * or {@code repair} accepts the edit. */
    CHANGED,
    /** Recorded as applied, but no longer in the folder. */
    MISSING,
    /** A {@code -- sleet:no-transaction} migration that stopped part-way: a statement failed ({@code repair},
     * then {@code migrate}, resumes it) or the migrator was killed ({@code migrate} resumes it). */
    FAILED
}
