package dev.sleet.kit.generate;

import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.diff.PossibleRename;
import dev.sleet.kit.snapshot.ColumnSnapshot;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.TableSnapshot;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Settles the possible renames between two snapshots before a migration is written: asks about each when a
 * prompt is given, records every confirmed one in the target snapshot as a {@code renamedFrom} hint, and fails
 * when a drop and an add remain and drops are not allowed.
 */
final class RenameResolution {

    /**
     * @param target    the target snapshot with the confirmed renames recorded
     * @param confirmed the renames a person confirmed
     */
    record Resolved(Snapshot target, List<PossibleRename> confirmed) {
    }

    private RenameResolution() {
    }

    /**
     * @param prompt who to ask, or {@code null} when no one can be asked
     * @throws RenameHintMissingException when a drop and an add that may be a rename remain and {@code allowDrops}
     *                                    is off
     */
    static Resolved resolve(Snapshot previous, Snapshot target, boolean allowDrops, RenamePrompt prompt) {
        List<PossibleRename> confirmed = new ArrayList<>();
        List<PossibleRename> declined = new ArrayList<>();
        if (prompt == null) {
            declined.addAll(Diff.possibleRenames(previous, target));
        } else {
            while (true) {
                // Asked again after every yes: a renamed table pairs its columns, which makes new candidates, and
                // a renamed column is no longer a candidate for another name.
                PossibleRename next = Diff.possibleRenames(previous, target).stream()
                        .filter(c -> !declined.contains(c)).findFirst().orElse(null);
                if (next == null) {
                    break;
                }
                if (prompt.isRename(next)) {
                    target = apply(target, next);
                    confirmed.add(next);
                } else {
                    declined.add(next);
                }
            }
        }
        // A declined pair whose added object was later confirmed as another rename is a plain drop now.
        List<PossibleRename> remaining = new ArrayList<>(Diff.possibleRenames(previous, target));
        remaining.retainAll(declined);
        if (!remaining.isEmpty() && !allowDrops) {
            throw new RenameHintMissingException(remaining);
        }
        return new Resolved(target, List.copyOf(confirmed));
    }

    /** Records a confirmed rename as the schema's {@code renamedFrom(...)} would. */
    private static Snapshot apply(Snapshot target, PossibleRename rename) {
        List<TableSnapshot> tables = new ArrayList<>();
        for (TableSnapshot t : target.tables()) {
            boolean here = Objects.equals(t.schema(), rename.table().schema()) && t.name().equals(rename.table().name());
            if (!here) {
                tables.add(t);
            } else if (rename.kind() == PossibleRename.Kind.TABLE) {
                tables.add(t.withRenamedFrom(rename.oldName()));
            } else {
                List<ColumnSnapshot> columns = new ArrayList<>();
                for (ColumnSnapshot c : t.columns()) {
                    columns.add(c.name().equals(rename.newName()) ? c.withRenamedFrom(rename.oldName()) : c);
                }
                tables.add(t.withColumns(columns));
            }
        }
        return target.withTables(tables);
    }
}
