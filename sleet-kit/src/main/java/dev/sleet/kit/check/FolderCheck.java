package dev.sleet.kit.check;

import dev.sleet.kit.ddl.MigrationSql;
import dev.sleet.kit.ddl.MigrationStep;
import dev.sleet.kit.ddl.SafeMigrationSql;
import dev.sleet.kit.diff.Change;
import dev.sleet.kit.diff.Diff;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.snapshot.Snapshot;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Checks that a migrations folder is consistent: it reads (ids ordered, every {@code up.sql} present), its
 * parents form one chain, every snapshot parses, and every migration's {@code up.sql} is what the diff of its
 * parent's snapshot and its own gives. Migrations that one {@code generate} run wrote together share the
 * run's final snapshot; they are checked as one group. A hand-edited {@code up.sql} shows up here, so that a
 * review sees it.
 *
 * <p>A custom migration (a {@value Migration#CUSTOM_MARKER} line in its {@code up.sql}) holds hand-written SQL
 * that no diff can be compared with: it is checked for its place in the chain and a snapshot that parses, and
 * its snapshot is taken as the schema it leaves, usually its parent's (see {@code Generator.custom}). Removing
 * the marker makes the migration checked like a generated one. A group written by {@code generate --safe}
 * (a {@value Migration#SAFE_MARKER} line) is compared with the safe forms of its diff ({@link SafeMigrationSql}).
 */
public final class FolderCheck {

    private FolderCheck() {
    }

    /**
     * Checks a folder.
     *
     * @param folder the migrations folder
     * @return the problems found, each naming the file; empty when the folder is consistent
     */
    public static List<String> check(Path folder) {
        List<String> problems = new ArrayList<>();
        List<Migration> migrations;
        try {
            migrations = MigrationFolder.read(folder).migrations();
        } catch (IllegalArgumentException e) {
            problems.add(e.getMessage());
            return problems;
        }
        Snapshot previous = Snapshot.empty();
        int i = 0;
        while (i < migrations.size()) {
            Migration first = migrations.get(i);
            Path snapshotFile = first.directory().resolve(MigrationFolder.SNAPSHOT);
            Snapshot snapshot;
            try {
                snapshot = first.readSnapshot();
            } catch (java.io.UncheckedIOException e) {
                problems.add(snapshotFile + ": cannot be read (" + e.getCause().getMessage()
                        + "); every migration needs one");
                return problems;
            } catch (IllegalArgumentException e) {
                problems.add(e.getMessage());
                return problems;
            }
            String firstUp = upText(first);
            if (MigrationFolder.hasCustomMarker(firstUp)) {
                // Hand-written SQL cannot be compared with a diff; its snapshot is the schema it declares it leaves.
                previous = snapshot;
                i++;
                continue;
            }
            // the group: following migrations whose snapshot describes the same schema; a custom migration after
            // a group copies the group's snapshot but is not part of it
            int end = i + 1;
            while (end < migrations.size() && !isCustom(migrations.get(end))
                    && sameSchema(migrations.get(end), snapshot)) {
                end++;
            }
            List<Change> changes = Diff.between(previous, snapshot);
            List<String> expected = new ArrayList<>();
            for (MigrationStep step : MigrationFolder.hasSafeMarker(firstUp) ? SafeMigrationSql.steps(changes)
                    : MigrationSql.steps(changes)) {
                expected.addAll(normalise(step.up()));
            }
            List<String> actual = new ArrayList<>();
            for (Migration m : migrations.subList(i, end)) {
                actual.addAll(normalise(statementsOf(m)));
            }
            if (!expected.equals(actual)) {
                problems.add(first.upFile() + (end - i > 1 ? " (and the " + (end - i - 1) + " after it)" : "")
                        + ": up.sql is not what the diff of the parent snapshot and this one gives; "
                        + firstDifference(expected, actual));
            }
            previous = snapshot;
            i = end;
        }
        return problems;
    }

    private static boolean isCustom(Migration m) {
        return MigrationFolder.hasCustomMarker(upText(m));
    }

    private static String upText(Migration m) {
        try {
            return Files.readString(m.upFile(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            return "";   // MigrationFolder.read just read it; a file that vanished since fails the comparison
        }
    }

    private static boolean sameSchema(Migration m, Snapshot snapshot) {
        try {
            return m.readSnapshot().withIds(null, null).equals(snapshot.withIds(null, null));
        } catch (java.io.UncheckedIOException | IllegalArgumentException e) {
            return false;   // reported when the loop reaches it
        }
    }

    private static List<String> statementsOf(Migration m) {
        List<String> out = new ArrayList<>();
        m.up().forEach(s -> out.add(s.sql()));
        return out;
    }

    /** Statements without comments' whitespace differences or a trailing semicolon. */
    private static List<String> normalise(List<String> statements) {
        List<String> out = new ArrayList<>();
        for (String s : statements) {
            String t = s.replaceAll("(?m)^\\s*--.*$", "").strip();
            while (t.endsWith(";")) {
                t = t.substring(0, t.length() - 1).strip();
            }
            t = t.replaceAll("\\s+", " ");
            if (!t.isEmpty()) {
                out.add(t);
            }
        }
        return out;
    }

    private static String firstDifference(List<String> expected, List<String> actual) {
        for (int k = 0; k < Math.max(expected.size(), actual.size()); k++) {
            String e = k < expected.size() ? expected.get(k) : null;
            String a = k < actual.size() ? actual.get(k) : null;
            if (e == null || !e.equals(a)) {
                return "statement " + (k + 1) + " is " + (a == null ? "missing" : "\"" + a + "\"") + ", expected "
                        + (e == null ? "nothing more" : "\"" + e + "\"");
            }
        }
        return "the statements differ";
    }
}
