package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.check.FolderCheck;
import dev.sleet.kit.introspect.Drift;
import dev.sleet.kit.introspect.DriftReport;
import dev.sleet.kit.lint.LintFinding;
import dev.sleet.kit.lint.MigrationLinter;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.concurrent.Callable;

/** {@code sleet check}: the migrations folder is consistent; exit 1 listing each problem otherwise. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the migrations folder: snapshots parse, parents chain, up.sql matches the snapshots"
                + " (custom migrations: their place in the chain only); then lint each migration's SQL.")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--strict", description = "fail (exit 1) on lint warnings too")
    boolean strict;

    @Option(names = "--db", description = "also compare the database with its newest applied migration's snapshot"
            + " and list every difference (exit 1 on drift)")
    boolean db;

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        List<String> problems = FolderCheck.check(config.out());
        if (problems.isEmpty()) {
            System.out.println("The migrations in " + config.out() + " are consistent.");
            List<String> custom = customMigrations(config.out());
            if (!custom.isEmpty()) {
                // Say what was not verified, so that a green check is not read as covering hand-written SQL.
                System.out.println("Custom migrations, whose hand-written SQL was checked only for its place in the"
                        + " chain: " + String.join(", ", custom));
            }
            int warnings = printLint(MigrationFolder.read(config.out()).migrations(), name -> true);
            boolean drifted = db && project.withMigrationDatabase(config, System.out, ds -> {
                DriftReport report = Drift.check(ds, config.out());
                if (report.migrationId() == null) {
                    System.out.println("No migration is applied to the database: nothing to compare.");
                    return false;
                }
                if (!report.drifted()) {
                    System.out.println("No drift: the database matches migration " + report.migrationId() + ".");
                    return false;
                }
                System.out.println(Style.bad("Drift:") + " the database differs from migration "
                        + report.migrationId() + " in " + report.lines().size() + " way"
                        + (report.lines().size() == 1 ? "" : "s") + ":");
                report.lines().forEach(line -> System.out.println("  " + line));
                return true;
            });
            return drifted || strict && warnings > 0 ? SleetCommand.FAILED : 0;
        }
        problems.forEach(p -> System.err.println("sleet: " + p));
        return SleetCommand.FAILED;
    }

    /**
     * Prints the linter's findings for a folder's migrations, with how to accept one; {@code generate} prints
     * those of the migrations it writes through this too. The whole folder is linted, since a statement can be
     * made safe by an earlier migration (a validated not-null check); only the migrations chosen are reported.
     *
     * @param migrations the folder's migrations, in order
     * @param report     which migration directories to report on
     * @return the number of findings reported
     */
    static int printLint(List<Migration> migrations, Predicate<String> report) {
        int count = 0;
        for (LintFinding f : MigrationLinter.lint(migrations)) {
            if (report.test(f.file().getParent().getFileName().toString())) {
                System.out.println(Style.warn("warning:") + " " + f);
                count++;
            }
        }
        if (count > 0) {
            System.out.println(count + " lint warning" + (count == 1 ? "" : "s") + ". Accept one with a line "
                    + "'-- sleet:lint-ignore RULE' in its file; 'sleet check --strict' fails on warnings.");
        }
        return count;
    }

    private static List<String> customMigrations(Path folder) {
        List<String> out = new ArrayList<>();
        for (Migration m : MigrationFolder.read(folder).migrations()) {
            try {
                if (MigrationFolder.hasCustomMarker(Files.readString(m.upFile(), StandardCharsets.UTF_8))) {
                    out.add(m.directoryName());
                }
            } catch (IOException e) {
                throw new UncheckedIOException(m.upFile() + ": cannot be read: " + e.getMessage(), e);
            }
        }
        return out;
    }
}
