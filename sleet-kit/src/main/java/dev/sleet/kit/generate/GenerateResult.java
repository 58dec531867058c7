package dev.sleet.kit.generate;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.PossibleRename;

import java.nio.file.Path;
import java.util.List;

/**
 * What {@link Generator#generate} or {@link Generator#custom} wrote.
 *
 * @param migrations       the migration directories written, in order; empty when the schema has not changed
 * @param changes          the changes they contain; empty for a custom migration, whose SQL is the user's
 * @param confirmedRenames the renames a {@link RenamePrompt} confirmed; the schema should declare them with
 *                         {@code renamedFrom(...)} (see {@link RenamePrompt#hintToAdd}) so that generating again,
 *                         on another branch or with {@code --rebase}, gives the same migration without asking
 */
public record GenerateResult(List<Path> migrations, List<Change> changes, List<PossibleRename> confirmedRenames) {

    /**
     * Copies the lists.
     *
     * @param migrations       the directories
     * @param changes          the changes
     * @param confirmedRenames the confirmed renames
     */
    public GenerateResult {
        migrations = List.copyOf(migrations);
        changes = List.copyOf(changes);
        confirmedRenames = List.copyOf(confirmedRenames);
    }

    /**
     * A result without confirmed renames.
     *
     * @param migrations the directories
     * @param changes    the changes
     */
    public GenerateResult(List<Path> migrations, List<Change> changes) {
        this(migrations, changes, List.of());
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
