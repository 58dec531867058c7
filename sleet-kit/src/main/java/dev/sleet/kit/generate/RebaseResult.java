package dev.sleet.kit.generate;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.PossibleRename;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What {@link Generator#rebase} did. The branch that forked is removed and written again on top of the other:
 * its generated migrations are {@link #removed()} and their changes {@link #written()} anew from the Java schema;
 * its custom migrations are {@link #moved()}.
 *
 * @param onTopOf          the migration the re-generated branch now follows (the other branch's newest), or
 *                         {@code null} when there was nothing to rebase in an empty folder
 * @param removed          the generated migration directories removed, in id order
 * @param moved            the custom migrations moved after {@code onTopOf}, in their new order
 * @param written          the migration directories generated again, in order; empty when the other branch
 *                         already made the same changes
 * @param changes          the changes written
 * @param confirmedRenames the renames a {@link RenamePrompt} confirmed
 * @param rollbackTarget   where a database that applied a migration of {@link #idsGone()} rolls back to, with the
 *                         folder as it was before the rebase: the parent of the earliest one; {@code null} when
 *                         nothing is gone, or when the earliest one was the folder's first migration
 */
public record RebaseResult(String onTopOf, List<Path> removed, List<Move> moved, List<Path> written,
                           List<Change> changes, List<PossibleRename> confirmedRenames, String rollbackTarget) {

    /**
     * A custom migration moved to follow another one: its {@code snapshot.json} names its new parent and holds
     * the schema the parent leaves (a custom migration changes no schema Sleet knows of). It keeps its
     * directory, and so its id, when that id already sorts after the new parent; otherwise it gets a newer id.
     *
     * @param from the directory before
     * @param to   the directory after; the same path when the id was kept
     */
    public record Move(Path from, Path to) {

        /**
         * Tells whether the migration got a new id.
         *
         * @return {@code true} when the directory was renamed
         */
        public boolean renumbered() {
            return !from.equals(to);
        }
    }

    /**
     * Copies the lists.
     *
     * @param onTopOf          the migration followed
     * @param removed          the removed directories
     * @param moved            the moved custom migrations
     * @param written          the written directories
     * @param changes          the changes written
     * @param confirmedRenames the confirmed renames
     * @param rollbackTarget   the migration to roll back to, or {@code null}
     */
    public RebaseResult {
        removed = List.copyOf(removed);
        moved = List.copyOf(moved);
        written = List.copyOf(written);
        changes = List.copyOf(changes);
        confirmedRenames = List.copyOf(confirmedRenames);
    }

    /**
     * Tells whether the migrations already formed one chain.
     *
     * @return {@code true} when nothing was changed
     */
    public boolean nothingToDo() {
        return removed.isEmpty() && moved.isEmpty();
    }

    /**
     * The migration ids that are no longer in the folder: the removed migrations and the custom migrations that
     * got a new id. A database that applied one of them must roll it back, with the folder as it was before the
     * rebase, before it migrates: the new migrations make the same changes again.
     *
     * @return the ids, in order
     */
    public List<String> idsGone() {
        List<String> out = new ArrayList<>();
        removed.forEach(p -> out.add(idOf(p)));
        moved.stream().filter(Move::renumbered).forEach(m -> out.add(idOf(m.from())));
        out.sort(null);
        return out;
    }

    private static String idOf(Path dir) {
        return dir.getFileName().toString().substring(0, 14);
    }
}
