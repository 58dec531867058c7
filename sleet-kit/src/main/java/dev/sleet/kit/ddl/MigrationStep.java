package dev.sleet.kit.ddl;

import java.util.List;

/**
 * The SQL of one migration directory: the statements of {@code up.sql} and {@code down.sql}, and whether the
 * migration runs in one transaction. {@link MigrationSql#steps} cuts a list of changes into steps the plain way,
 * {@link SafeMigrationSql#steps} the way that keeps locks short on a busy database.
 *
 * @param transactional {@code false} for a migration marked {@code -- sleet:no-transaction}
 * @param up            the forward statements, without terminating semicolons
 * @param down          the statements undoing them, without terminating semicolons
 */
public record MigrationStep(boolean transactional, List<String> up, List<String> down) {

    /**
     * Copies the lists.
     *
     * @param transactional {@code false} for a migration marked {@code -- sleet:no-transaction}
     * @param up            the forward statements
     * @param down          the statements undoing them
     */
    public MigrationStep {
        up = List.copyOf(up);
        down = List.copyOf(down);
    }

    /**
     * Returns {@code up.sql}'s statements as a script, each followed by {@code ;\n}.
     *
     * @return the forward script
     */
    public String upScript() {
        return MigrationSql.script(up);
    }

    /**
     * Returns {@code down.sql}'s statements as a script, each followed by {@code ;\n}.
     *
     * @return the backward script
     */
    public String downScript() {
        return MigrationSql.script(down);
    }
}
