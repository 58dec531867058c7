package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.migrate.AppliedMigration;
import dev.sleet.kit.migrate.MigrateResult;
import dev.sleet.kit.migrate.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.concurrent.Callable;

/** {@code sleet migrate}: applies the pending migrations, each in its own transaction. */
@Command(name = "migrate", mixinStandardHelpOptions = true, description = "Apply the pending migrations.")
final class MigrateCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--to", paramLabel = "ID", description = "stop after this migration")
    String to;

    @Option(names = "--dry-run", description = "print the SQL that would run, and run nothing")
    boolean dryRun;

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        return project.withMigrationDatabase(config, System.out, ds -> {
            Migrator migrator = Migrator.of(ds, config.out());
            if (dryRun) {
                System.out.println((to == null ? migrator.dryRun() : migrator.dryRun(to)).sql());
                return 0;
            }
            print(System.out, "", to == null ? migrator.migrate() : migrator.migrate(to));
            return 0;
        });
    }

    /** Prints what a run applied, one line per migration; {@code sleet demo} prints its runs through this too. */
    static void print(PrintStream out, String indent, MigrateResult result) {
        if (result.applied().isEmpty()) {
            out.println(indent + "Nothing to apply: the database is up to date.");
        }
        for (AppliedMigration m : result.applied()) {
            out.println(indent + Style.ok("applied") + " " + m.id() + "_" + m.name() + " (" + m.executionMs() + " ms)"
                    + (m.outOfOrder() ? ", older than the newest applied one" : ""));
        }
    }
}
