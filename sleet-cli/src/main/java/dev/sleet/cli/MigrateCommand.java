package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.migrate.AppliedMigration;
import dev.sleet.kit.migrate.MigrateResult;
import dev.sleet.kit.migrate.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

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
            MigrateResult result = to == null ? migrator.migrate() : migrator.migrate(to);
            if (result.applied().isEmpty()) {
                System.out.println("Nothing to apply: the database is up to date.");
            }
            for (AppliedMigration m : result.applied()) {
                System.out.println("applied " + m.id() + "_" + m.name() + " (" + m.executionMs() + " ms)"
                        + (m.outOfOrder() ? ", older than the newest applied one" : ""));
            }
            return 0;
        });
    }
}
