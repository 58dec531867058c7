package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.check.FolderCheck;
import dev.sleet.kit.migrate.Migration;
import dev.sleet.kit.migrate.MigrationFolder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code sleet check}: the migrations folder is consistent; exit 1 listing each problem otherwise. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Check the migrations folder: snapshots parse, parents chain, up.sql matches the snapshots"
                + " (custom migrations: their place in the chain only).")
final class CheckCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

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
            return 0;
        }
        problems.forEach(p -> System.err.println("sleet: " + p));
        return SleetCommand.FAILED;
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
