package dev.sleet.kit.generate;

import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.snapshot.Snapshot;
import dev.sleet.kit.snapshot.SnapshotBuilder;
import dev.sleet.kit.snapshot.SnapshotJson;
import dev.sleet.schema.Schema;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * {@link Generator#rebase}: finds the main line of a forked folder and re-generates everything off it.
 *
 * <p>The main line starts at the migration without a parent and, where two migrations name the same parent,
 * follows the one with the earlier id: that branch stays as it is. Every migration off the main line (the later
 * branch, and a migration whose parent is missing) is re-placed after the main line's newest migration, the
 * head: the generated ones are removed and their changes generated again, once, from the Java schema, which
 * holds both branches; the custom ones are moved, those before the branch's generated migrations ahead of the
 * new ones and those after them behind. All refusals happen before a file is touched.
 */
final class Rebase {

    private final Path folder;
    private final Clock clock;

    Rebase(Path folder, Clock clock) {
        this.folder = folder;
        this.clock = clock;
    }

    RebaseResult run(Schema schema, boolean allowDrops, RenamePrompt prompt, boolean safe) {
        List<Migration> all = MigrationFolder.readIgnoringParents(folder).migrations();
        Map<String, String> parentOf = new HashMap<>();
        String before = null;
        for (Migration m : all) {
            // Without a snapshot there is no parent link; MigrationFolder.read takes such a migration as following
            // the one before it, and so does the rebase.
            parentOf.put(m.id(), hasSnapshot(m) ? m.parent() : before);
            before = m.id();
        }
        List<Migration> main = mainLine(all, parentOf);
        List<Migration> off = new ArrayList<>(all);
        off.removeAll(main);
        if (off.isEmpty()) {
            String head = main.isEmpty() ? null : main.get(main.size() - 1).id();
            return new RebaseResult(head, List.of(), List.of(), List.of(), List.of(), List.of(), null);
        }
        if (main.isEmpty()) {
            throw new RebaseRefusedException("no migration in " + folder + " starts the chain (a snapshot.json whose"
                    + " \"parent\" is null), so there is no branch to rebase on; fix the first migration's \"parent\"");
        }
        Migration head = main.get(main.size() - 1);

        List<Migration> generated = new ArrayList<>();
        List<Migration> customs = new ArrayList<>();
        for (Migration m : off) {
            if (!hasSnapshot(m)) {
                throw new RebaseRefusedException(m.directory() + " has no snapshot.json, so --rebase cannot tell what"
                        + " it changes; move it after " + head.directoryName() + " by hand (give it a newer id and a"
                        + " snapshot.json, e.g. as a custom migration: sleet generate --custom), then run --rebase again");
            }
            (isCustom(m) ? customs : generated).add(m);
        }
        Map<String, Migration> byId = new HashMap<>();
        all.forEach(m -> byId.put(m.id(), m));
        List<Migration> ahead = new ArrayList<>();
        List<Migration> behind = new ArrayList<>();
        for (Migration c : customs) {
            checkMovable(c, generated, parentOf, byId, head, off);
            (generated.isEmpty() || c.id().compareTo(generated.get(0).id()) < 0 ? ahead : behind).add(c);
        }

        // Everything that can fail for a reason other than I/O happens before the first file is removed.
        Snapshot headSnapshot = head.readSnapshot();
        RenameResolution.Resolved resolved = new RenameResolution.Resolved(headSnapshot, List.of());
        List<Change> changes = List.of();
        if (!generated.isEmpty()) {
            resolved = RenameResolution.resolve(headSnapshot, SnapshotBuilder.of(schema), allowDrops, prompt);
            changes = Diff.between(headSnapshot, resolved.target());
        }

        // the branch keeps the form it was written in
        safe = safe || generated.stream().anyMatch(m -> MigrationFolder.hasSafeMarker(Generator.read(m.upFile())));
        List<Path> removed = new ArrayList<>();
        for (Migration m : generated) {
            deleteTree(m.directory());
            removed.add(m.directory());
        }
        IdSequence ids = new IdSequence(clock, all.get(all.size() - 1).id());
        List<RebaseResult.Move> moved = new ArrayList<>();
        String parent = head.id();
        for (Migration c : ahead) {
            RebaseResult.Move move = move(c, parent, headSnapshot, ids);
            moved.add(move);
            parent = idOf(move.to());
        }
        Snapshot after = headSnapshot;
        List<Path> written = List.of();
        if (!changes.isEmpty()) {
            written = Generator.write(folder, baseName(generated, parentOf), changes, safe,
                    resolved.target(), parent, ids);
            parent = idOf(written.get(written.size() - 1));
            after = resolved.target();
        }
        for (Migration c : behind) {
            RebaseResult.Move move = move(c, parent, after, ids);
            moved.add(move);
            parent = idOf(move.to());
        }
        MigrationFolder.read(folder);   // the chain is whole again; anything else wrong is reported here
        RebaseResult result = new RebaseResult(head.id(), removed, moved, written, changes, resolved.confirmed(),
                null);
        List<String> gone = result.idsGone();
        return gone.isEmpty() ? result : new RebaseResult(head.id(), removed, moved, written, changes,
                resolved.confirmed(), parentOf.get(gone.get(0)));
    }

    /** From the migration without a parent, following the child with the earliest id at every fork. */
    private static List<Migration> mainLine(List<Migration> all, Map<String, String> parentOf) {
        List<Migration> main = new ArrayList<>();
        String at = null;
        while (true) {
            String p = at;
            // all is in id order, so the first child found is the earliest; a migration naming itself is no child
            Migration child = all.stream()
                    .filter(m -> Objects.equals(parentOf.get(m.id()), p) && !main.contains(m))
                    .findFirst().orElse(null);
            if (child == null) {
                return main;
            }
            main.add(child);
            at = child.id();
        }
    }

    /**
     * A custom migration can be moved when it lies before or after the branch's generated migrations, and when
     * its snapshot is its parent's: its SQL changes data, not the schema Sleet knows of, so its snapshot after
     * the move is simply the schema it now follows.
     */
    private void checkMovable(Migration c, List<Migration> generated, Map<String, String> parentOf,
                              Map<String, Migration> byId, Migration head, List<Migration> off) {
        List<String> branch = off.stream().map(Migration::directoryName).toList();
        String byHand = "rebase by hand: remove " + String.join(", ", branch) + " (keep a copy), then write them"
                + " again after " + head.directoryName() + " with sleet generate and sleet generate --custom";
        if (!generated.isEmpty() && c.id().compareTo(generated.get(0).id()) > 0
                && c.id().compareTo(generated.get(generated.size() - 1).id()) < 0) {
            throw new RebaseRefusedException("custom migration " + c.directoryName() + " lies between generated"
                    + " migrations of the branch being rebased; --rebase generates that branch's changes again as one"
                    + " run from the Java schema, so it cannot keep the custom SQL in the middle of them; " + byHand);
        }
        String parentId = parentOf.get(c.id());
        Snapshot parentSnapshot;
        if (parentId == null) {
            parentSnapshot = Snapshot.empty();
        } else if (byId.containsKey(parentId)) {
            parentSnapshot = byId.get(parentId).readSnapshot();
        } else {
            throw new RebaseRefusedException("custom migration " + c.directoryName() + " names parent " + parentId
                    + ", which is not in " + folder + ", so --rebase cannot tell whether it changes the schema; "
                    + byHand);
        }
        if (!sameSchema(c.readSnapshot(), parentSnapshot)) {
            throw new RebaseRefusedException("custom migration " + c.directoryName() + " changes the schema (its"
                    + " snapshot.json differs from its parent's), and --rebase cannot tell what its SQL does to the"
                    + " other branch's schema; " + byHand + " (--adopt-schema records the schema for a custom"
                    + " migration)");
        }
    }

    /** Points a custom migration's snapshot at its new parent, and gives it a newer id when its own is too old. */
    private RebaseResult.Move move(Migration c, String parent, Snapshot schemaBefore, IdSequence ids) {
        String id = c.id().compareTo(parent) > 0 ? c.id() : ids.next();
        Generator.write(c.directory().resolve(MigrationFolder.SNAPSHOT),
                SnapshotJson.write(schemaBefore.withIds(id, parent)));
        Path to = folder.resolve(id + "_" + c.name());
        if (!to.equals(c.directory())) {
            try {
                Files.move(c.directory(), to);
            } catch (IOException e) {
                throw new UncheckedIOException(c.directory() + ": cannot be renamed to " + to.getFileName() + ": "
                        + e.getMessage(), e);
            }
        }
        return new RebaseResult.Move(c.directory(), to);
    }

    /** The name of the first generated run: {@code add_x} for a run written as {@code add_x_1}, {@code add_x_2}. */
    private static String baseName(List<Migration> generated, Map<String, String> parentOf) {
        Migration first = generated.get(0);
        String name = first.name();
        if (name.endsWith("_1")) {
            String base = name.substring(0, name.length() - 2);
            boolean group = generated.stream().anyMatch(m -> first.id().equals(parentOf.get(m.id()))
                    && m.name().equals(base + "_2"));
            if (group) {
                return base;
            }
        }
        return name;
    }

    private static boolean sameSchema(Snapshot a, Snapshot b) {
        return a.withIds(null, null).equals(b.withIds(null, null));
    }

    private static boolean hasSnapshot(Migration m) {
        return Files.exists(m.directory().resolve(MigrationFolder.SNAPSHOT));
    }

    private static boolean isCustom(Migration m) {
        return MigrationFolder.hasCustomMarker(Generator.read(m.upFile()));
    }

    private static String idOf(Path dir) {
        return dir.getFileName().toString().substring(0, 14);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot be removed: " + e.getMessage(), e);
        }
    }
}
