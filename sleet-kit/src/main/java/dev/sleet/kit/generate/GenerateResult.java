package dev.sleet.kit.generate;

import dev.sleet.kit.diff.Change;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Generator#generate} wrote.
 *
 * @param migrations the migration directories written, in order; empty when the schema has not changed
 * @param changes    the changes they contain
 */
public record GenerateResult(List<Path> migrations, List<Change> changes) {

    /**
     * Copies the lists.
     *
     * @param migrations the directories
     * @param changes    the changes
     */
    public GenerateResult {
        migrations = List.copyOf(migrations);
        changes = List.copyOf(changes);
    }

    /**
     * Tells whether the schema had no changes.
     *
     * @return {@code true} when nothing was written
     */
    public boolean nothingToDo() {
        return migrations.isEmpty();
    }
}
