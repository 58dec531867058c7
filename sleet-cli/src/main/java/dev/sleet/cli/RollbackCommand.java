package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.migrate.Migrator;
import dev.sleet.kit.migrate.RollbackResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code sleet rollback}: runs the down.sql of the newest applied migrations. */
@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = "Undo the newest applied migrations with their down.sql.")
final class RollbackCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--steps", paramLabel = "N", description = "how many migrations to undo (default: 1)")
    int steps = 1;

    @Option(names = "--to", paramLabel = "ID", description = "undo every migration after this one")
    String to;

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        return project.withMigrationDatabase(config, System.out, ds -> {
            Migrator migrator = Migrator.of(ds, config.out());
            print(System.out, "", to == null ? migrator.rollback(steps) : migrator.rollbackTo(to));
            return 0;
        });
    }

    /** Prints the migrations a rollback undid; {@code sleet demo} prints its rollback through this too. */
    static void print(PrintStream out, String indent, RollbackResult result) {
        if (result.rolledBack().isEmpty()) {
            out.println(indent + "Nothing to roll back.");
        }
        result.rolledBack().forEach(id -> out.println(indent + Style.warn("rolled back") + " " + id));
    }
}
