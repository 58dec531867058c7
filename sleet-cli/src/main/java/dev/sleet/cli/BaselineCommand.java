package dev.sleet.cli;

import dev.sleet.cli.config.SleetConfig;
import dev.sleet.kit.migrate.BaselineResult;
import dev.sleet.kit.migrate.Migrator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/**
 * {@code sleet baseline --to ID}: marks an existing database as being at a migration, without running
 * anything, for adopting Sleet on a database that already has the schema.
 */
@Command(name = "baseline", mixinStandardHelpOptions = true,
        description = "Mark the database as being at a migration, running nothing.")
final class BaselineCommand implements Callable<Integer> {

    @Mixin
    ProjectOptions project = new ProjectOptions();

    @Option(names = "--to", paramLabel = "ID", required = true, description = "the migration the database is at")
    String to;

    @Override
    public Integer call() {
        SleetConfig config = project.load();
        return project.withMigrationDatabase(config, System.out, ds -> {
            BaselineResult result = Migrator.of(ds, config.out()).baseline(to);
            result.baselined().forEach(id -> System.out.println("marked " + id + " as applied"));
            return 0;
        });
    }
}
