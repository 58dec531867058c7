package dev.sleet.cli;

import dev.sleet.examples.saas.SaasSchema;
import dev.sleet.kit.generate.GenerateResult;
import dev.sleet.kit.generate.Generator;
import dev.sleet.kit.branch.BranchVerification;
import dev.sleet.kit.branch.LocalBranches;
import dev.sleet.kit.migrate.MigrationFolder;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.schema.Schema;

import javax.sql.DataSource;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The first part of {@code sleet demo}: the migrations loop on the SaaS example, through the kit's Java API.
 * It generates the first migration from {@link SaasSchema}, applies it, generates the next one from
 * {@link dev.sleet.examples.saas.next.SaasSchema} (the next release), shows its SQL, applies it, rolls one
 * migration back and prints the status as {@code sleet status} does. The migrations folder is a temporary
 * one, removed at the end.
 */
final class DemoMigrationTour {

    /** The database of the embedded server the tour migrates; the query tour uses another. */
    static final String DATABASE = "saas";

    private final PrintStream out;
    private final Clock clock;
    private int step;

    DemoMigrationTour(PrintStream out, Clock clock) {
        this.out = out;
        this.clock = clock;
    }

    /**
     * Runs the tour on an empty database.
     *
     * @param dataSource the database, without Sleet's history table yet
     * @param url        its URL, for the branch the tour tries a migration on
     */
    void run(DataSource dataSource, String url) {
        Path folder;
        try {
            folder = Files.createTempDirectory("sleet-demo-migrations-");
        } catch (IOException e) {
            throw new UncheckedIOException("the demo could not create a temporary migrations folder: "
                    + e.getMessage(), e);
        }
        Throwable first = null;
        try {
            run(dataSource, url, folder);
        } catch (RuntimeException | Error e) {
            first = e;
            throw e;
        } finally {
            deleteTree(folder, first);
        }
    }

    private void run(DataSource dataSource, String url, Path folder) {
        out.println("Migrations are written to " + folder + " (removed at the end).");
        Migrator migrator = Migrator.of(dataSource, folder);

        title("Generate the first migration from " + SaasSchema.class.getName());
        GenerateResult first = Generator.generate(Schema.of(SaasSchema.class), folder, "create_saas", false, clock);
        printWritten(first, false);

        title("Migrate");
        MigrateCommand.print(out, "  ", migrator.migrate());

        title("Change the schema: the next release, " + dev.sleet.examples.saas.next.SaasSchema.class.getName());
        out.println(indent("""
                Projects   + archivedAt = timestamptz("archived_at")
                           + index("projects_active_idx").on(tenantId).where("archived_at is null")
                Comments   a new table; document_id references documents, author_id references users
                the other tables: the first release's classes, unchanged""", 2));

        title("Generate again");
        GenerateResult second = Generator.generate(Schema.of(dev.sleet.examples.saas.next.SaasSchema.class), folder,
                "comments_and_archive", false, clock);
        printWritten(second, true);

        title("Try it on a branch first, as `sleet migrate --verify-on-branch` does");
        BranchVerification.of(LocalBranches.of(url).build(), folder).log(line -> out.println("  " + line)).verify();

        title("Migrate");
        MigrateCommand.print(out, "  ", migrator.migrate());

        title("Roll back one migration (its down.sql)");
        RollbackCommand.print(out, "  ", migrator.rollback(1));

        title("Status, as `sleet status` prints it");
        StatusCommand.print(out, "  ", migrator.status());
    }

    /** Prints each migration written: its files, its up.sql and, when asked, its down.sql. */
    private void printWritten(GenerateResult result, boolean withDown) {
        for (Path dir : result.migrations()) {
            out.println("  wrote " + dir.getFileName() + "/  " + String.join("  ", fileNames(dir)));
            out.println(indent(read(dir.resolve(MigrationFolder.UP)), 4));
        }
        if (withDown) {
            for (Path dir : result.migrations()) {
                out.println("  " + dir.getFileName() + "/" + MigrationFolder.DOWN + " (what a rollback runs):");
                out.println(indent(read(dir.resolve(MigrationFolder.DOWN)), 4));
            }
        }
    }

    private void title(String text) {
        out.printf("%n%d. %s%n", ++step, text);
    }

    private static List<String> fileNames(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted(Comparator.comparing(DemoMigrationTour::order))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(dir + ": cannot be listed: " + e.getMessage(), e);
        }
    }

    /** up.sql, down.sql, snapshot.json: the order the folder layout documents them in. */
    private static int order(String fileName) {
        int i = List.of(MigrationFolder.UP, MigrationFolder.DOWN, MigrationFolder.SNAPSHOT).indexOf(fileName);
        return i < 0 ? Integer.MAX_VALUE : i;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    private static String indent(String text, int spaces) {
        return text.strip().indent(spaces).stripTrailing();
    }

    /** Deletes the temporary folder; a failure to do so never replaces the tour's own error. */
    private static void deleteTree(Path folder, Throwable first) {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        } catch (IOException e) {
            UncheckedIOException failure = new UncheckedIOException("the demo could not remove its temporary "
                    + "migrations folder " + folder + ": " + e.getMessage(), e);
            if (first != null) {
                first.addSuppressed(failure);
            } else {
                throw failure;
            }
        }
    }
}
